using Platform.Abstractions.Tenancy;

namespace Aomori.SupportMeetings.Rollout;

/// <summary>The roll-out board: every district, model districts first.</summary>
public sealed record RolloutModel(TenantInfo Tenant, DateOnly Today, IReadOnlyList<RolloutRow> Rows);
