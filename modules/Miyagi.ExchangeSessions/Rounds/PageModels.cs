using Miyagi.ExchangeSessions.Summaries;
using Platform.Abstractions.Records;
using Platform.Abstractions.Tenancy;

namespace Miyagi.ExchangeSessions.Rounds;

/// <summary>The rounds imported, newest first.</summary>
public sealed record RoundsModel(TenantInfo Tenant, IReadOnlyList<RoundItem> Rounds);

/// <summary>
/// The import form; after a form post without JavaScript, what was read (<paramref name="Preview"/>, its text put back
/// in the paste box so that 取り込む imports it) or why nothing was (<paramref name="Error"/>).
/// </summary>
public sealed record ImportModel(
    TenantInfo Tenant,
    ParseResult? Preview = null,
    string? Text = null,
    string? Error = null
);

/// <summary>Everything each person said across the rounds.</summary>
public sealed record SpeakersModel(TenantInfo Tenant, IReadOnlyList<SpeakerRemarks> Speakers);

/// <summary>One round: its sessions and its themes compared across regions, the action items made of its comments
/// (by meeting), the owners they may be given, and a refused action form to show again.</summary>
public sealed record RoundModel(TenantInfo Tenant, RoundView Round, IReadOnlyList<ThemeComparison> Themes)
{
    public IReadOnlyDictionary<string, IReadOnlyList<MeetingAction>> Actions { get; init; } =
        new Dictionary<string, IReadOnlyList<MeetingAction>>();

    public IReadOnlyList<ActionOwner> Owners { get; init; } = [];

    /// <summary>Organisation names by id, for the owners of action items.</summary>
    public IReadOnlyDictionary<string, string> OrganisationNames { get; init; } = new Dictionary<string, string>();

    public ActionForm? Failed { get; init; }

    public bool Created { get; init; }
}

/// <summary>A round's summary (概要) regenerated as a document.</summary>
public sealed record RoundSummaryModel(TenantInfo Tenant, RoundView Round);
