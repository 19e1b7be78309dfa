namespace Platform.Abstractions.Meetings;

/// <summary>The type of a meeting kind's own field.</summary>
public enum MeetingFieldType
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>A whole number, zero or more (full-width digits accepted).</summary>
    Number,
}

/// <summary>A field that meetings of one kind carry besides the shared ones, e.g. a seniors' club's membership
/// count.</summary>
/// <param name="Id">camelCase key in the meeting's <c>extra</c> object.</param>
/// <param name="Label">Japanese label on forms and in the summary.</param>
/// <param name="Type">Text or number.</param>
/// <param name="Required">Whether a meeting of this kind must give it.</param>
public sealed record MeetingKindField(
    string Id,
    string Label,
    MeetingFieldType Type = MeetingFieldType.Text,
    bool Required = false
);

/// <summary>A kind of meeting (定例会議, 幹事会, 情報交換会 …). Ids of kinds that modules add start with the module's
/// prefix.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Japanese name.</param>
/// <param name="Fields">Fields of this kind's own, if any.</param>
public sealed record MeetingKind(string Id, string Name, IReadOnlyList<MeetingKindField>? Fields = null);

/// <summary>
/// Adds meeting kinds. Register an implementation in a module's <c>ConfigureServices</c>; its kinds are offered
/// and accepted where the module is enabled (for the meeting body's district).
/// </summary>
public interface IMeetingKindSource
{
    /// <summary>The kinds this module adds.</summary>
    IEnumerable<MeetingKind> Kinds { get; }
}
