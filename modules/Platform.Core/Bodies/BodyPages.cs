using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Export;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Districts;
using Platform.Core.Meetings;
using Platform.Core.Web;

namespace Platform.Core.Bodies;

/// <summary>What the bodies page shows: one page of the bodies of the district filtered by (all without).</summary>
public sealed record BodiesModel(
    TenantInfo Tenant,
    IReadOnlyList<Body> Bodies,
    IReadOnlyList<District> Districts,
    string? DistrictFilter = null,
    ListState? List = null
);

/// <summary>What the body edit page shows: the form's fields, its choices, and the refusal or the saved notice.</summary>
public sealed record BodyEditModel(
    TenantInfo Tenant,
    Body Body,
    BodyForm Form,
    IReadOnlyList<District> Districts,
    IReadOnlyList<Body> OtherBodies,
    IReadOnlyList<Platform.Abstractions.Meetings.MeetingKind> Kinds,
    IReadOnlyDictionary<string, string[]>? Errors,
    bool Saved
);

/// <summary>What the body edit handlers use, bound as one parameter.</summary>
public sealed record BodyEditServices(
    BodyStore Bodies,
    BodyRules Rules,
    DistrictStore Districts,
    MeetingContext Context
);

/// <summary>The bodies page, <c>/bodies</c>, and a body's edit form, <c>/bodies/{bodyId}/edit</c>.</summary>
public static class BodyPages
{
    public static void MapBodyPages(this IEndpointRouteBuilder tenant)
    {
        tenant.MapGet("/bodies", BodiesPageAsync).RequirePermission(CorePermissions.View).ExcludeFromDescription();
        tenant
            .MapGet("/bodies/{bodyId}/edit", EditBodyPageAsync)
            .RequirePermission(CorePermissions.Manage)
            .ExcludeFromDescription();
        // A plain form post (no JavaScript): refused, the form comes back with each message next to its field;
        // saved, the browser is sent back to the form (post, redirect, get) with a notice.
        tenant
            .MapPost("/bodies/{bodyId}/edit", SaveBodyAsync)
            .RequirePermission(CorePermissions.Manage)
            .ExcludeFromDescription();
        tenant
            .MapGet("/bodies/export.xlsx", ExportBodiesAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();
    }

    public static async Task<RazorComponentResult<BodyEditPage>> EditBodyPageAsync(
        ITenantContext tenant,
        string bodyId,
        bool? saved,
        [AsParameters] BodyEditServices services,
        CancellationToken cancellationToken
    )
    {
        var body = await services.Bodies.GetAsync(tenant.Tenant.Id, bodyId, cancellationToken);
        return await EditPageAsync(tenant, body, BodyForm.Of(body), null, saved == true, services, cancellationToken);
    }

    public static async Task<Results<RedirectHttpResult, RazorComponentResult<BodyEditPage>>> SaveBodyAsync(
        HttpContext http,
        ITenantContext tenant,
        string bodyId,
        [AsParameters] BodyEditServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var current = await services.Bodies.GetAsync(tenantId, bodyId, cancellationToken);
        var form = BodyForm.Of(await EditForms.ReadAsync(http, cancellationToken));
        var (input, formRefusal) = form.ToInput();
        var (body, refusal) = await services.Rules.CheckAsync(tenantId, bodyId, input, current, cancellationToken);
        if (body is null || formRefusal.Any)
        {
            var messages = EditForms
                .Messages(refusal)
                .Concat(EditForms.Messages(formRefusal))
                .GroupBy(e => e.Key)
                .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Distinct().ToArray());
            var page = await EditPageAsync(tenant, current, form, messages, false, services, cancellationToken);
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        await services.Bodies.UpdateAsync(tenantId, body, cancellationToken);
        await services.Context.MeetingChangedAsync(tenantId, bodyId, cancellationToken);
        return TypedResults.Redirect($"/{tenantId}/bodies/{bodyId}/edit?saved=true");
    }

    private static async Task<RazorComponentResult<BodyEditPage>> EditPageAsync(
        ITenantContext tenant,
        Body body,
        BodyForm form,
        IReadOnlyDictionary<string, string[]>? errors,
        bool saved,
        BodyEditServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var all = await services.Bodies.ListAsync(tenantId, cancellationToken: cancellationToken);
        var inEffect = await services.Context.KindsForAsync(tenantId, body.Id, cancellationToken);
        return PageResult.For<BodyEditPage, BodyEditModel>(
            new BodyEditModel(
                tenant.Tenant,
                body,
                form,
                await services.Districts.ListAsync(tenantId, cancellationToken),
                all.Where(b => b.Id != body.Id).ToList(),
                form.Offered(inEffect, services.Context.Kinds()),
                errors,
                saved
            )
        );
    }

    /// <summary><c>?districtId=</c> filters, <c>?page=</c> pages.</summary>
    public static async Task<RazorComponentResult<BodiesPage>> BodiesPageAsync(
        ITenantContext tenant,
        string? districtId,
        string? page,
        BodyStore bodies,
        DistrictStore districts,
        CancellationToken cancellationToken
    )
    {
        var district = ListState.Value(districtId);
        var all = await bodies.ListAsync(tenant.Tenant.Id, district, cancellationToken);
        var list = ListState.Of(page, all.Count, BodyList.Links(district));
        return PageResult.For<BodiesPage, BodiesModel>(
            new BodiesModel(
                tenant.Tenant,
                list.Paging.Slice(all),
                await districts.ListAsync(tenant.Tenant.Id, cancellationToken),
                district,
                list
            )
        );
    }

    /// <summary>The bodies the page's filter leaves, every page of them, as an Excel workbook.</summary>
    public static async Task<FileContentHttpResult> ExportBodiesAsync(
        ITenantContext tenant,
        HttpResponse response,
        string? districtId,
        BodyStore bodies,
        DistrictStore districts,
        CancellationToken cancellationToken
    )
    {
        var all = await bodies.ListAsync(tenant.Tenant.Id, ListState.Value(districtId), cancellationToken);
        var names = (await districts.ListAsync(tenant.Tenant.Id, cancellationToken)).ToDictionary(
            d => d.Id,
            d => d.Name
        );
        response.Headers.ContentDisposition = Pager.Attachment("bodies.xlsx", "協議体一覧.xlsx");
        return TypedResults.Bytes(BodyList.Write(all, names), XlsxTable.ContentType);
    }
}
