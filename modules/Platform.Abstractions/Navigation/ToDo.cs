using Platform.Abstractions.Security;

namespace Platform.Abstractions.Navigation;

/// <summary>Something to do, on the tenant's home page.</summary>
/// <param name="Text">What is to be done, in Japanese (e.g. the round's title).</param>
/// <param name="Path">Where it is done: a path below the tenant's root, without a leading slash.</param>
/// <param name="Note">A short detail beside it (e.g. 「警告3件」), or null.</param>
public sealed record ToDoItem(string Text, string Path, string? Note = null);

/// <summary>A block of the home page's to-do list that a module contributes.</summary>
/// <param name="Title">Its heading, in Japanese.</param>
/// <param name="Items">What is to be done; a section without items is not shown.</param>
public sealed record ToDoSection(string Title, IReadOnlyList<ToDoItem> Items);

/// <summary>
/// Contributes a block to the tenant's home page (a to-do list). Register it in the module's startup
/// (<c>As&lt;IToDoSource&gt;()</c>); it is asked only where the module is in effect for the tenant and only for a user
/// who holds <see cref="Permission"/>, which should be what the items' pages need.
/// </summary>
public interface IToDoSource
{
    /// <summary>What its items' pages need.</summary>
    Permission Permission { get; }

    /// <summary>The block for one tenant, or null when there is nothing to do.</summary>
    Task<ToDoSection?> SectionAsync(string tenantId, CancellationToken cancellationToken);
}
