namespace Platform.Abstractions.Tenancy;

/// <summary>Whether a tenant is a municipality (市町村) or a prefecture (都道府県).</summary>
public enum TenantKind
{
    /// <summary>市町村.</summary>
    Municipality,

    /// <summary>都道府県.</summary>
    Prefecture,
}

/// <summary>A tenant as modules see it. The id is the URL slug (<c>aomori</c>) and the <c>tenant_id</c> of every
/// row.</summary>
/// <param name="Id">Lower-case slug, the first segment of every tenant URL.</param>
/// <param name="Name">Japanese name, e.g. 青森市.</param>
/// <param name="Kind">Municipality or prefecture.</param>
/// <param name="LocalGovernmentCode">The 6-digit 全国地方公共団体コード, check digit included (青森市: 022012).</param>
public sealed record TenantInfo(string Id, string Name, TenantKind Kind, string LocalGovernmentCode);

/// <summary>The tenant of the current request or tenant lifetime scope; inject it into module services.</summary>
public interface ITenantContext
{
    /// <summary>The current tenant.</summary>
    TenantInfo Tenant { get; }
}
