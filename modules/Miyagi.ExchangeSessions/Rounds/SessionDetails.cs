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
);

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
);
