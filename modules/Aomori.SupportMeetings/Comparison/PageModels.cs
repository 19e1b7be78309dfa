using Platform.Abstractions.Tenancy;

namespace Aomori.SupportMeetings.Comparison;

/// <summary>The comparison of districts (２地区の特徴).</summary>
public sealed record ComparisonModel(TenantInfo Tenant, IReadOnlyList<ComparisonRow> Rows);
