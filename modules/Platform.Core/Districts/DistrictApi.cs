using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;

namespace Platform.Core.Districts;

/// <summary>A district as the API answers it (API.md).</summary>
public sealed record DistrictView(string Id, string Name, DistrictKind Kind, string? ParentId, int SortOrder)
{
    public static DistrictView From(District d) => new(d.Id, d.Name, d.Kind, d.ParentId, d.SortOrder);
}

/// <summary><c>/api/districts</c>: the districts of a tenant (routes fixed by API.md).</summary>
public static class DistrictApi
{
    public static void MapDistrictApi(this IEndpointRouteBuilder tenant)
    {
        var api = tenant
            .MapGroup("/api/districts")
            .WithTags("Districts")
            .RequirePermissions(CorePermissions.View, CorePermissions.Administer);
        api.MapGet("/", ListDistricts).Describe("listDistricts", "地区の一覧", "List districts");
        api.MapPost("/", CreateDistrict)
            .Describe("createDistrict", "地区を登録", "Create a district")
            .Refuses(400, "validation.failed")
            .Refuses(409, "district.exists");
        api.MapGet("/{districtId}", GetDistrict)
            .Describe("getDistrict", "地区を取得", "Get a district")
            .Refuses(404, "district.not_found");
        api.MapPatch("/{districtId}", UpdateDistrict)
            .Describe("updateDistrict", "地区を変更", "Change a district")
            .Refuses(400, "validation.failed")
            .Refuses(404, "district.not_found");
    }

    public static async Task<Ok<IEnumerable<DistrictView>>> ListDistricts(
        ITenantContext tenant,
        DistrictStore districts,
        CancellationToken cancellationToken
    ) => TypedResults.Ok((await districts.ListAsync(tenant.Tenant.Id, cancellationToken)).Select(DistrictView.From));

    public static async Task<Results<Created<DistrictView>, ProblemHttpResult>> CreateDistrict(
        ITenantContext tenant,
        DistrictInput input,
        DistrictStore districts,
        DistrictRules rules,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var (district, refusal) = await rules.CheckAsync(tenantId, Ids.New(), input, null, cancellationToken);
        if (district is null)
            return refusal!.ToProblem();
        await districts.CreateAsync(district, cancellationToken);
        return TypedResults.Created($"/{tenantId}/api/districts/{district.Id}", DistrictView.From(district));
    }

    public static async Task<Ok<DistrictView>> GetDistrict(
        ITenantContext tenant,
        string districtId,
        DistrictStore districts,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(DistrictView.From(await districts.GetAsync(tenant.Tenant.Id, districtId, cancellationToken)));

    /// <summary>Renames a district or changes its kind or parent; the fields left null keep their values.</summary>
    public static async Task<Results<Ok<DistrictView>, ProblemHttpResult>> UpdateDistrict(
        ITenantContext tenant,
        string districtId,
        DistrictInput input,
        DistrictStore districts,
        DistrictRules rules,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var current = await districts.GetAsync(tenantId, districtId, cancellationToken);
        var (district, refusal) = await rules.CheckAsync(tenantId, districtId, input, current, cancellationToken);
        if (district is null)
            return refusal!.ToProblem();
        await districts.UpdateAsync(district, cancellationToken);
        return TypedResults.Ok(DistrictView.From(district));
    }
}
