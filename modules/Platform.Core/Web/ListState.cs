using Platform.Abstractions.Pages;

namespace Platform.Core.Web;

/// <summary>
/// A filtered list page's state besides its rows: the page shown, the filters as they go into the pager's and the
/// export's links (empty ones null), and what of the address was ignored, said on the page.
/// </summary>
public sealed record ListState(Paging Paging, IReadOnlyDictionary<string, string?> Links, IReadOnlyList<string> Notices)
{
    /// <summary>Whether any filter is set (an empty list then says that nothing matched, not that nothing exists).</summary>
    public bool Filtered => Links.Values.Any(v => v is not null);

    /// <summary>The state for <paramref name="total"/> rows, the <paramref name="page"/> asked for and the filters.</summary>
    public static ListState Of(
        string? page,
        int total,
        IReadOnlyDictionary<string, string?> links,
        IEnumerable<string>? notices = null
    )
    {
        var paging = Paging.Of(page, total, out var notice);
        return new ListState(paging, links, [.. notices ?? [], .. notice is null ? Array.Empty<string>() : [notice]]);
    }

    /// <summary>A filter's value from the address, null when empty.</summary>
    public static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
