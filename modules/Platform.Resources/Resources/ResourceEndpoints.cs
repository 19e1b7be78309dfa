using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Bodies;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Data;
using Platform.Abstractions.Districts;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Records;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Abstractions.Pages;

namespace Platform.Resources.Resources;

public sealed record CategoryInput(string? Id, string? Name);

/// <summary>The catalogue's routes (API.md: GET/POST /api/resources), its pages, the booklet, the showcase and the public page.</summary>
public static class ResourceEndpoints
{
    public const string ModuleId = "Platform.Resources";

    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermissions(ResourcePermissions.View, ResourcePermissions.Manage);
        var api = tenant.MapGroup("/api/resources").WithTags("Platform.Resources");
        api.MapGet("/", (ITenantContext tenant, string? districtId, string? categoryId, string? q, ResourceStatus? status, bool? review, ResourceStore store,
            TimeProvider time, CancellationToken cancellationToken) =>
            ListAsync(tenant.Tenant, store, new ResourceStore.Filter(districtId, categoryId, q, status), review == true, Clock.TodayInJapan(time), cancellationToken));
        api.MapPost("/", async (ITenantContext tenant, ResourceInput input, ResourceStore store, IModuleGate gate, TimeProvider time,
            CancellationToken cancellationToken) =>
        {
            await RequireEnabledAsync(tenant.Tenant.Id, input.DistrictId, gate);
            var created = await store.CreateAsync(tenant.Tenant.Id, input, Clock.TodayInJapan(time), cancellationToken: cancellationToken);
            return Results.Created($"/{tenant.Tenant.Id}/api/resources/{created.Id}", created);
        });
        api.MapGet("/{resourceId}", (ITenantContext tenant, string resourceId, ResourceStore store, CancellationToken cancellationToken) =>
            store.GetAsync(tenant.Tenant.Id, resourceId, cancellationToken));
        api.MapPatch("/{resourceId}", async (ITenantContext tenant, string resourceId, ResourceInput input, ResourceStore store, IModuleGate gate,
            TimeProvider time, CancellationToken cancellationToken) =>
        {
            await store.GetAsync(tenant.Tenant.Id, resourceId, cancellationToken);
            if (input.DistrictId is not null) await RequireEnabledAsync(tenant.Tenant.Id, input.DistrictId, gate);
            return await store.UpdateAsync(tenant.Tenant.Id, resourceId, input, Clock.TodayInJapan(time), cancellationToken);
        });
        api.MapGet("/export.csv", async (HttpContext http, ITenantContext tenant, ResourceStore store, IDistricts districts,
            CancellationToken cancellationToken) =>
        {
            var (districtNames, categoryNames) = await NamesAsync(tenant.Tenant.Id, store, districts, cancellationToken);
            var resources = await store.ListAsync(tenant.Tenant.Id, new ResourceStore.Filter(Status: ResourceStatus.Published), cancellationToken);
            http.Response.Headers.ContentDisposition = "attachment; filename=\"resources.csv\"; filename*=UTF-8''%E3%81%8A%E5%AE%9D%E4%B8%80%E8%A6%A7.csv";
            return Results.Bytes(ResourceCsv.Write(resources, districtNames, categoryNames), "text/csv; charset=utf-8");
        });
        tenant.MapGet("/api/resource-categories", (ITenantContext t, ResourceStore store, CancellationToken cancellationToken) =>
            store.CategoriesAsync(t.Tenant.Id, cancellationToken)).WithTags("Platform.Resources");
        tenant.MapPost("/api/resource-categories", async (ITenantContext t, CategoryInput input, ResourceStore store, CancellationToken cancellationToken) =>
            Results.Created($"/{t.Tenant.Id}/api/resource-categories", await store.AddCategoryAsync(t.Tenant.Id, input.Id, input.Name, cancellationToken)))
            .WithTags("Platform.Resources").RequirePermission(ResourcePermissions.ManageCategories);
        tenant.MapPost("/api/meetings/{meetingId}/opinions/{opinionId}/resource", PromoteAsync).WithTags("Platform.Resources");

        tenant.MapGet("/resources", async (ITenantContext t, string? districtId, string? categoryId, string? q, ResourceStore store, IDistricts districts,
            TimeProvider time, CancellationToken cancellationToken) =>
        {
            var today = Clock.TodayInJapan(time);
            var filter = new ResourceStore.Filter(districtId, string.IsNullOrEmpty(categoryId) ? null : categoryId, q);
            var all = await store.ListAsync(t.Tenant.Id, filter, cancellationToken);
            return PageResult.For<CataloguePage, CatalogueModel>(new CatalogueModel(t.Tenant, all,
                all.Where(r => ResourceStore.NeedsReview(r, today)).ToList(), await districts.ListAsync(t.Tenant.Id, cancellationToken),
                await store.CategoriesAsync(t.Tenant.Id, cancellationToken), districtId, categoryId, q));
        }).ExcludeFromDescription();
        tenant.MapGet("/resources/booklet", async (ITenantContext t, ResourceStore store, IDistricts districts, CancellationToken cancellationToken) =>
            PageResult.For<BookletPage, PublishedModel>(await PublishedModelAsync(t.Tenant, store, districts, cancellationToken)))
            .ExcludeFromDescription();
        // For care managers, without signing in: only published resources and consented contacts are on it.
        tenant.MapGet("/public/resources", async (ITenantContext t, ResourceStore store, IDistricts districts, CancellationToken cancellationToken) =>
            PageResult.For<PublicPage, PublishedModel>(await PublishedModelAsync(t.Tenant, store, districts, cancellationToken)))
            .AllowAnonymous().ExcludeFromDescription();
        tenant.MapGet("/resources/showcase", async (ITenantContext t, string? ids, ResourceStore store, IDistricts districts,
            CancellationToken cancellationToken) =>
        {
            var wanted = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
            var resources = new List<Resource>();
            foreach (var id in wanted) resources.Add(await store.GetAsync(t.Tenant.Id, id, cancellationToken));
            var (districtNames, categoryNames) = await NamesAsync(t.Tenant.Id, store, districts, cancellationToken);
            return PageResult.For<ShowcasePage, ShowcaseModel>(new ShowcaseModel(t.Tenant, resources, districtNames, categoryNames));
        }).ExcludeFromDescription();
        tenant.MapGet("/resources/meetings/{meetingId}", async (ITenantContext t, string meetingId, IMeetings meetings, IMeetingRecords records,
            ResourceStore store, CancellationToken cancellationToken) =>
        {
            var meeting = await meetings.GetAsync(t.Tenant.Id, meetingId, cancellationToken);
            var record = await records.ReadAsync(t.Tenant.Id, meeting, cancellationToken);
            var found = (await store.ListAsync(t.Tenant.Id, new ResourceStore.Filter(), cancellationToken))
                .Where(r => r.MeetingId == meetingId && r.OpinionId is not null).ToDictionary(r => r.OpinionId!);
            return PageResult.For<MeetingResourcesPage, MeetingResourcesModel>(new MeetingResourcesModel(t.Tenant, meeting, record, found));
        }).ExcludeFromDescription();
    }

    /// <summary>One action on a meeting's opinion: a draft resource in the meeting's district, linked to the opinion.</summary>
    private static async Task<IResult> PromoteAsync(ITenantContext tenant, string meetingId, string opinionId, IMeetings meetings, IMeetingRecords records,
        IBodies bodies, ResourceStore store, IModuleGate gate, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Tenant.Id;
        var meeting = await meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var opinion = (await records.ReadAsync(tenantId, meeting, cancellationToken)).Opinions.FirstOrDefault(o => o.Id == opinionId)
                      ?? throw PlatformException.NotFound("opinion.not_found", "意見");
        // A resource is written to be published to care managers: it cannot start from what is about a resident.
        if (opinion.Withheld || opinion.Personal)
            throw new PlatformException(409, "resource.personal_source", "個人情報を含む意見からはお宝を登録できません。",
                "利用者個人に関わらない形で、お宝の登録画面から改めて入力してください。");
        var body = await bodies.GetAsync(tenantId, meeting.BodyId, cancellationToken);
        await RequireEnabledAsync(tenantId, body.DistrictId, gate);
        if ((await store.ListAsync(tenantId, new ResourceStore.Filter(OpinionId: opinionId), cancellationToken)).FirstOrDefault() is { } existing)
            throw new PlatformException(409, "resource.exists_for_opinion", "この意見はすでにお宝として登録されています。", $"「{existing.Name}」を編集してください。")
                { Extensions = { ["resourceId"] = existing.Id } };
        var name = opinion.Text.TrimEnd('。', '.', ' ');
        var resource = await store.CreateAsync(tenantId,
            new ResourceInput(name.Length > 60 ? name[..60] : name, ResourceCategories.Guess(opinion.Text), body.DistrictId,
                new ResourceDetails(Offers: opinion.Text, RunBy: opinion.Organisation)),
            Clock.TodayInJapan(time), (meetingId, opinionId), cancellationToken: cancellationToken);
        return Results.Created($"/{tenantId}/api/resources/{resource.Id}", resource);
    }

    /// <summary>Resources are district-scoped: where the module is off in a district, nothing can be catalogued there.</summary>
    private static async Task RequireEnabledAsync(string tenantId, string? districtId, IModuleGate gate)
    {
        if (string.IsNullOrWhiteSpace(districtId) || !Ids.IsValid(districtId)) return;
        if (!await gate.IsEnabledAsync(tenantId, districtId, ModuleId))
            throw new PlatformException(404, "module.disabled", "この機能はここでは使えません。", "この地区ではお宝（地域資源）が無効になっています。管理者に有効化を依頼してください。");
    }

    private static async Task<IResult> ListAsync(TenantInfo tenant, ResourceStore store, ResourceStore.Filter filter, bool review, DateOnly today,
        CancellationToken cancellationToken)
    {
        var list = await store.ListAsync(tenant.Id, filter, cancellationToken);
        return Results.Ok(review ? list.Where(r => ResourceStore.NeedsReview(r, today)).ToList() : list);
    }

    private static async Task<(IReadOnlyDictionary<string, string> Districts, IReadOnlyDictionary<string, string> Categories)> NamesAsync(string tenantId,
        ResourceStore store, IDistricts districts, CancellationToken cancellationToken) =>
        ((await districts.ListAsync(tenantId, cancellationToken)).ToDictionary(d => d.Id, d => d.Name),
         (await store.CategoriesAsync(tenantId, cancellationToken)).ToDictionary(c => c.Id, c => c.Name));

    private static async Task<PublishedModel> PublishedModelAsync(TenantInfo tenant, ResourceStore store, IDistricts districts, CancellationToken cancellationToken)
    {
        var (districtNames, categoryNames) = await NamesAsync(tenant.Id, store, districts, cancellationToken);
        var published = await store.ListAsync(tenant.Id, new ResourceStore.Filter(Status: ResourceStatus.Published), cancellationToken);
        var order = (await districts.ListAsync(tenant.Id, cancellationToken)).Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var groups = published.GroupBy(r => r.DistrictId ?? "").OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue))
            .Select(g => new PublishedDistrict(g.Key.Length == 0 ? "全域" : districtNames.GetValueOrDefault(g.Key, g.Key),
                g.GroupBy(r => r.CategoryId).Select(c => new PublishedCategory(categoryNames.GetValueOrDefault(c.Key, c.Key), c.ToList())).ToList()))
            .ToList();
        return new PublishedModel(tenant, groups);
    }
}

public sealed record PublishedCategory(string Name, IReadOnlyList<Resource> Resources);

public sealed record PublishedDistrict(string Name, IReadOnlyList<PublishedCategory> Categories);
