using Miyagi.ExchangeSessions.Summaries;
using Platform.Abstractions.Calendar;

namespace Miyagi.ExchangeSessions.Rounds;

/// <summary>A comment block as stored: its header and who it was attributed to, and the sequence numbers of its
/// comments in the core record.</summary>
public sealed record StoredCommentBlock(
    string Header,
    string Group,
    Participant? Speaker,
    string? Position,
    bool Review,
    IReadOnlyList<int> Seqs
);

/// <summary>What a session keeps beside its core meeting (see the module's migration).</summary>
public sealed record SessionDetails(
    string RegionLabel,
    string Venue,
    string? StatedWeekday,
    IReadOnlyList<Participant> Advisors,
    IReadOnlyList<Participant> LiaisonMembers,
    IReadOnlyList<StoredCommentBlock> Comments,
    IReadOnlyList<ImportWarning> Warnings,
    IReadOnlyDictionary<string, string> TenantsByMunicipality
)
{
    /// <summary>The people the advisors and members turned out to be, by folded name (<see
    /// cref="NameMatching.Fold"/>); empty for a session imported before people were linked.</summary>
    public IReadOnlyDictionary<string, string> PersonIds { get; init; } = new Dictionary<string, string>();

    /// <summary>The liaison council whose members they are.</summary>
    public string? CouncilId { get; init; }
}

/// <summary>A comment of a session as its record holds it: the id an action item names, and the header it stood
/// under.</summary>
public sealed record SessionComment(string Id, string Header, string Group, string Text, bool Review);

/// <summary>A round as the API and pages show it.</summary>
public sealed record RoundView(
    string Id,
    string Title,
    int FiscalYear,
    IReadOnlyList<string> Themes,
    IReadOnlyList<SessionView> Sessions
);

/// <param name="TenantsByMunicipality">Attending municipalities that are tenants of the platform themselves, by
/// name.</param>
public sealed record SessionView(
    string MeetingId,
    int Position,
    string Region,
    SessionDocument Document,
    IReadOnlyList<ImportWarning> Warnings,
    IReadOnlyDictionary<string, string> TenantsByMunicipality
)
{
    /// <summary>The people the advisors, members and speakers are, by folded name.</summary>
    public IReadOnlyDictionary<string, string> PersonIds { get; init; } = new Dictionary<string, string>();

    /// <summary>The comments and reviews the reader may see, with their ids, for making action items of them.</summary>
    public IReadOnlyList<SessionComment> Comments { get; init; } = [];

    /// <summary>The person a participant is, if linked.</summary>
    public string? PersonOf(Participant? p) =>
        p is null ? null : PersonIds.GetValueOrDefault(NameMatching.Fold(p.Name));
}
