namespace Platform.Abstractions.Meetings;

/// <summary>A kind of meeting (定例会議, 幹事会, 情報交換会 …). Ids of kinds that modules add start with the module's prefix.</summary>
public sealed record MeetingKind(string Id, string Name);

/// <summary>
/// Adds meeting kinds. Register an implementation in a module's <c>ConfigureServices</c>; its kinds are offered
/// and accepted in every tenant where the module is enabled.
/// </summary>
public interface IMeetingKindSource
{
    /// <summary>The kinds this module adds.</summary>
    IEnumerable<MeetingKind> Kinds { get; }
}
