namespace Platform.Core.Districts;

/// <summary>
/// What a district is: a 地区 (the area of a district social welfare council), a 日常生活圏域 (daily-life area,
/// the territory of a tier-2 body) or a 圏域・区分 (a prefecture's region grouping municipalities).
/// </summary>
public enum DistrictKind
{
    District,
    DailyLifeArea,
    Region,
}

/// <summary>A district (地区) of a tenant. Its id is unique across all tenants.</summary>
public sealed record District(string Id, string TenantId, string Name, DistrictKind Kind, string? ParentId, int SortOrder);

public static class DistrictKindNames
{
    public static string Japanese(this DistrictKind kind) => kind switch
    {
        DistrictKind.District => "地区",
        DistrictKind.DailyLifeArea => "日常生活圏域",
        _ => "圏域・区分",
    };
}
