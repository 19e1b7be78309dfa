namespace Platform.Abstractions.Districts;

/// <summary>
/// What a district is: a 地区 (the area of a district social welfare council), a 日常生活圏域 (daily-life area,
/// the territory of a tier-2 body) or a 圏域・区分 (a prefecture's region grouping municipalities).
/// </summary>
public enum DistrictKind
{
    /// <summary>地区.</summary>
    District,

    /// <summary>日常生活圏域.</summary>
    DailyLifeArea,

    /// <summary>圏域・区分.</summary>
    Region,
}

/// <summary>A district (地区) of a tenant. Its id is unique across all tenants.</summary>
public sealed record District(
    string Id,
    string TenantId,
    string Name,
    DistrictKind Kind,
    string? ParentId,
    int SortOrder
);

/// <summary>Japanese names of district kinds.</summary>
public static class DistrictKindNames
{
    /// <summary>地区, 日常生活圏域 or 圏域・区分.</summary>
    public static string Japanese(this DistrictKind kind) =>
        kind switch
        {
            DistrictKind.District => "地区",
            DistrictKind.DailyLifeArea => "日常生活圏域",
            _ => "圏域・区分",
        };
}
