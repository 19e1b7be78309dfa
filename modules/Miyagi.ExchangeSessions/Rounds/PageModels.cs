using Platform.Abstractions.Tenancy;

namespace Miyagi.ExchangeSessions.Rounds;

/// <summary>The rounds imported, newest first.</summary>
public sealed record RoundsModel(TenantInfo Tenant, IReadOnlyList<RoundItem> Rounds);

/// <summary>The import form.</summary>
public sealed record ImportModel(TenantInfo Tenant);

/// <summary>Everything each person said across the rounds.</summary>
public sealed record SpeakersModel(TenantInfo Tenant, IReadOnlyList<SpeakerRemarks> Speakers);

/// <summary>One round: its sessions and its themes compared across regions.</summary>
public sealed record RoundModel(TenantInfo Tenant, RoundView Round, IReadOnlyList<ThemeComparison> Themes);

/// <summary>A round's summary (概要) regenerated as a document.</summary>
public sealed record RoundSummaryModel(TenantInfo Tenant, RoundView Round);
