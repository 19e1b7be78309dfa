using Platform.Abstractions.Meetings;

namespace Platform.Core.Meetings;

/// <summary>The kinds every tenant has; modules and plugins add theirs through <see
/// cref="IMeetingKindSource"/>.</summary>
public static class MeetingKinds
{
    public static readonly IReadOnlyList<MeetingKind> BuiltIn =
    [
        new("regular", "定例会議"),
        new("steering-committee", "幹事会"),
        new("briefing", "説明会"),
        new("network-meeting", "地域支援ネットワーク会議"),
        new("exchange-session", "情報交換会"),
        new("study-session", "研修会・勉強会"),
        new("other", "その他"),
    ];

    public static IReadOnlyList<MeetingKind> All(IEnumerable<IMeetingKindSource> sources) =>
        [.. BuiltIn, .. sources.SelectMany(s => s.Kinds).Where(k => BuiltIn.All(b => b.Id != k.Id))];

    public static string NameOf(string id, IReadOnlyList<MeetingKind> kinds) =>
        kinds.FirstOrDefault(k => k.Id == id)?.Name ?? id;
}
