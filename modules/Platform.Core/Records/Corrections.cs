using System.Text.Json;
using Platform.Core.Privacy;

namespace Platform.Core.Records;

// Corrections of what was recorded. Only the fields given change; an empty string clears an optional field.

/// <summary>A theme renamed, or moved to another place in the meeting's order (1 = first).</summary>
[GenerateSerializer, Immutable]
public sealed record AgendaItemChange(string? Title = null, int? Position = null);

/// <summary>An opinion's wording, kind, speaker or organisation corrected, or the opinion moved to a theme.</summary>
[GenerateSerializer, Immutable]
public sealed record OpinionChange(
    string? Text = null,
    OpinionKind? Kind = null,
    string? Speaker = null,
    string? Organisation = null,
    string? AgendaItemId = null
);

[GenerateSerializer, Immutable]
public sealed record CommentChange(
    string? Text = null,
    CommentKind? Kind = null,
    string? Speaker = null,
    string? Role = null,
    string? Position = null
);

public sealed record ActionItemChange(string? Title = null, string? OwnerOrganisationId = null, string? DueDate = null);

public enum ChangeKind
{
    Edit,
    Move,
    Delete,
}

/// <summary>
/// One correction as kept: the item before and after (null after a deletion), who made it and when. Where the reader
/// may not see the item, <see cref="Before"/> and <see cref="After"/> are left out and <see cref="Withheld"/> says why.
/// </summary>
public sealed record Correction(
    string Id,
    string MeetingId,
    string ItemKind,
    string ItemId,
    ChangeKind Change,
    JsonElement? Before,
    JsonElement? After,
    Sensitivity Sensitivity,
    string CorrectedBy,
    string CorrectedAt,
    Withheld? Withheld = null
);

/// <summary>Names of the items corrections are kept for, as stored and as shown in the API.</summary>
public static class CorrectedItems
{
    public const string Agenda = "agenda";
    public const string Opinion = "opinion";
    public const string Comment = "comment";
    public const string Action = "action";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The item as kept in a correction: its basis stays in the privacy tables, never copied here.</summary>
    public static string? Snapshot(RecordEntry? entry) =>
        entry switch
        {
            null => null,
            { AgendaItem: { } a } => JsonSerializer.Serialize(a, Json),
            { Opinion: { } o } => JsonSerializer.Serialize(o with { Basis = null }, Json),
            { Comment: { } c } => JsonSerializer.Serialize(c with { Basis = null }, Json),
            _ => null,
        };

    public static string Snapshot(ActionItem action) => JsonSerializer.Serialize(action with { Basis = null }, Json);

    public static string KindOf(RecordEntry entry) =>
        entry.AgendaItem is not null ? Agenda
        : entry.Opinion is not null ? Opinion
        : Comment;

    public static string? IdOf(RecordEntry entry) => entry.Opinion?.Id ?? entry.Comment?.Id ?? entry.AgendaItem?.Id;

    public static Sensitivity LevelOf(RecordEntry entry) =>
        entry.Opinion?.Sensitivity ?? entry.Comment?.Sensitivity ?? Sensitivity.Participants;
}
