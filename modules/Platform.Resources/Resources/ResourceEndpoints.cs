using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Core.Bodies;
using Platform.Core.Districts;
using Platform.Core.Meetings;
using Platform.Core.Privacy;
using Platform.Core.Modules;
using Platform.Core.Records;
using Platform.Core.Storage;
using Platform.Core.Tenancy;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Data;
using Platform.Abstractions.Meetings;

namespace Platform.Resources.Resources;

public sealed record CategoryInput(string? Id, string? Name);

/// <summary>The catalogue's routes (API.md: GET/POST /api/resources), its pages, the booklet, the showcase and the public page.</summary>
public static class ResourceEndpoints
{
    public const string ModuleId = "Platform.Resources";

    public static void Map(IEndpointRouteBuilder tenant)
    {
        var api = tenant.MapGroup("/api/resources").WithTags("Platform.Resources");
        api.MapGet("/", (HttpContext http, string? districtId, string? categoryId, string? q, ResourceStatus? status, bool? review, ResourceStore store, TimeProvider time) =>
            ListAsync(http, store, new ResourceStore.Filter(districtId, categoryId, q, status), review == true, Clock.TodayInJapan(time)));
        api.MapPost("/", async (HttpContext http, ResourceInput input, ResourceStore store, ModuleGate gate, ModuleCatalog catalog, TimeProvider time) =>
        {
            await RequireEnabledAsync(http, input.DistrictId, gate, catalog);
            var created = await store.CreateAsync(http.Tenant().Id, input, Clock.TodayInJapan(time), cancellationToken: http.RequestAborted);
            return Results.Created($"/{http.Tenant().Id}/api/resources/{created.Id}", created);
        });
        api.MapGet("/{resourceId}", (HttpContext http, string resourceId, ResourceStore store) => store.GetAsync(http.Tenant().Id, resourceId, http.RequestAborted));
        api.MapPatch("/{resourceId}", async (HttpContext http, string resourceId, ResourceInput input, ResourceStore store, ModuleGate gate, ModuleCatalog catalog,
            TimeProvider time) =>
        {
            await store.GetAsync(http.Tenant().Id, resourceId, http.RequestAborted);
            if (input.DistrictId is not null) await RequireEnabledAsync(http, input.DistrictId, gate, catalog);
            return await store.UpdateAsync(http.Tenant().Id, resourceId, input, Clock.TodayInJapan(time), http.RequestAborted);
        });
        api.MapGet("/export.csv", async (HttpContext http, ResourceStore store, DistrictStore districts) =>
        {
            var (districtNames, categoryNames) = await NamesAsync(http, store, districts);
            var resources = await store.ListAsync(http.Tenant().Id, new ResourceStore.Filter(Status: ResourceStatus.Published), http.RequestAborted);
            http.Response.Headers.ContentDisposition = "attachment; filename=\"resources.csv\"; filename*=UTF-8''%E3%81%8A%E5%AE%9D%E4%B8%80%E8%A6%A7.csv";
            return Results.Bytes(ResourceCsv.Write(resources, districtNames, categoryNames), "text/csv; charset=utf-8");
        });
        tenant.MapGet("/api/resource-categories", (HttpContext http, ResourceStore store) => store.CategoriesAsync(http.Tenant().Id, http.RequestAborted))
            .WithTags("Platform.Resources");
        tenant.MapPost("/api/resource-categories", async (HttpContext http, CategoryInput input, ResourceStore store) =>
            Results.Created($"/{http.Tenant().Id}/api/resource-categories", await store.AddCategoryAsync(http.Tenant().Id, input.Id, input.Name, http.RequestAborted)))
            .WithTags("Platform.Resources");
        tenant.MapPost("/api/meetings/{meetingId}/opinions/{opinionId}/resource", PromoteAsync).WithTags("Platform.Resources");

        tenant.MapGet("/resources", async (HttpContext http, string? districtId, string? categoryId, string? q, ResourceStore store, DistrictStore districts, TimeProvider time) =>
        {
            var today = Clock.TodayInJapan(time);
            var all = await store.ListAsync(http.Tenant().Id, new ResourceStore.Filter(districtId, string.IsNullOrEmpty(categoryId) ? null : categoryId, q), http.RequestAborted);
            return new RazorComponentResult<CataloguePage>(new
            {
                Tenant = http.Tenant(), Resources = all, Review = all.Where(r => ResourceStore.NeedsReview(r, today)).ToList(),
                Districts = await districts.ListAsync(http.Tenant().Id, http.RequestAborted), Categories = await store.CategoriesAsync(http.Tenant().Id, http.RequestAborted),
                DistrictId = districtId, CategoryId = categoryId, Query = q,
            });
        }).ExcludeFromDescription();
        tenant.MapGet("/resources/booklet", async (HttpContext http, ResourceStore store, DistrictStore districts) =>
            new RazorComponentResult<BookletPage>(await PublishedModelAsync(http, store, districts))).ExcludeFromDescription();
        // For care managers, without signing in: only published resources and consented contacts are on it.
        tenant.MapGet("/public/resources", async (HttpContext http, ResourceStore store, DistrictStore districts) =>
            new RazorComponentResult<PublicPage>(await PublishedModelAsync(http, store, districts))).AllowAnonymous().ExcludeFromDescription();
        tenant.MapGet("/resources/showcase", async (HttpContext http, string? ids, ResourceStore store, DistrictStore districts) =>
        {
            var wanted = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
            var resources = new List<Resource>();
            foreach (var id in wanted) resources.Add(await store.GetAsync(http.Tenant().Id, id, http.RequestAborted));
            var (districtNames, categoryNames) = await NamesAsync(http, store, districts);
            return new RazorComponentResult<ShowcasePage>(new { Tenant = http.Tenant(), Resources = resources, DistrictNames = districtNames, CategoryNames = categoryNames });
        }).ExcludeFromDescription();
        tenant.MapGet("/resources/meetings/{meetingId}", async (HttpContext http, string meetingId, MeetingStore meetings, Disclosure disclosure, ResourceStore store) =>
        {
            var meeting = await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted);
            var record = await disclosure.RecordAsync(http, meeting);
            var found = (await store.ListAsync(http.Tenant().Id, new ResourceStore.Filter(), http.RequestAborted))
                .Where(r => r.MeetingId == meetingId && r.OpinionId is not null).ToDictionary(r => r.OpinionId!);
            return new RazorComponentResult<MeetingResourcesPage>(new { Tenant = http.Tenant(), Meeting = meeting, Record = record, Found = found });
        }).ExcludeFromDescription();
    }

    /// <summary>One action on a meeting's opinion: a draft resource in the meeting's district, linked to the opinion.</summary>
    private static async Task<IResult> PromoteAsync(HttpContext http, string meetingId, string opinionId, MeetingStore meetings, Disclosure disclosure, BodyStore bodies,
        ResourceStore store, ModuleGate gate, ModuleCatalog catalog, TimeProvider time)
    {
        var tenantId = http.Tenant().Id;
        var meeting = await meetings.GetAsync(tenantId, meetingId, http.RequestAborted);
        var opinion = (await disclosure.RecordAsync(http, meeting)).Opinions.FirstOrDefault(o => o.Id == opinionId)
                      ?? throw PlatformException.NotFound("opinion.not_found", "意見");
        // A resource is written to be published to care managers: it cannot start from what is about a resident.
        if (opinion.Withheld is not null || opinion.Sensitivity.IsPersonal())
            throw new PlatformException(409, "resource.personal_source", "個人情報を含む意見からはお宝を登録できません。",
                "利用者個人に関わらない形で、お宝の登録画面から改めて入力してください。");
        var body = await bodies.GetAsync(tenantId, meeting.BodyId, http.RequestAborted);
        await RequireEnabledAsync(http, body.DistrictId, gate, catalog);
        if ((await store.ListAsync(tenantId, new ResourceStore.Filter(OpinionId: opinionId), http.RequestAborted)).FirstOrDefault() is { } existing)
            throw new PlatformException(409, "resource.exists_for_opinion", "この意見はすでにお宝として登録されています。", $"「{existing.Name}」を編集してください。")
                { Extensions = { ["resourceId"] = existing.Id } };
        var name = opinion.Text.TrimEnd('。', '.', ' ');
        var resource = await store.CreateAsync(tenantId,
            new ResourceInput(name.Length > 60 ? name[..60] : name, ResourceCategories.Guess(opinion.Text), body.DistrictId,
                new ResourceDetails(Offers: opinion.Text, RunBy: opinion.Organisation)),
            Clock.TodayInJapan(time), (meetingId, opinionId), cancellationToken: http.RequestAborted);
        return Results.Created($"/{tenantId}/api/resources/{resource.Id}", resource);
    }

    /// <summary>Resources are district-scoped: where the module is off in a district, nothing can be catalogued there.</summary>
    private static async Task RequireEnabledAsync(HttpContext http, string? districtId, ModuleGate gate, ModuleCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(districtId) || !Ids.IsValid(districtId)) return;
        if (!await gate.IsEnabledAsync(http.Tenant().Id, districtId, catalog.Get(ModuleId)))
            throw new PlatformException(404, "module.disabled", "この機能はここでは使えません。", "この地区ではお宝（地域資源）が無効になっています。管理者に有効化を依頼してください。");
    }

    private static async Task<IResult> ListAsync(HttpContext http, ResourceStore store, ResourceStore.Filter filter, bool review, DateOnly today)
    {
        var list = await store.ListAsync(http.Tenant().Id, filter, http.RequestAborted);
        return Results.Ok(review ? list.Where(r => ResourceStore.NeedsReview(r, today)).ToList() : list);
    }

    private static async Task<(IReadOnlyDictionary<string, string> Districts, IReadOnlyDictionary<string, string> Categories)> NamesAsync(HttpContext http,
        ResourceStore store, DistrictStore districts) =>
        ((await districts.ListAsync(http.Tenant().Id, http.RequestAborted)).ToDictionary(d => d.Id, d => d.Name),
         (await store.CategoriesAsync(http.Tenant().Id, http.RequestAborted)).ToDictionary(c => c.Id, c => c.Name));

    private static async Task<object> PublishedModelAsync(HttpContext http, ResourceStore store, DistrictStore districts)
    {
        var (districtNames, categoryNames) = await NamesAsync(http, store, districts);
        var published = await store.ListAsync(http.Tenant().Id, new ResourceStore.Filter(Status: ResourceStatus.Published), http.RequestAborted);
        var order = (await districts.ListAsync(http.Tenant().Id, http.RequestAborted)).Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var groups = published.GroupBy(r => r.DistrictId ?? "").OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue))
            .Select(g => new PublishedDistrict(g.Key.Length == 0 ? "全域" : districtNames.GetValueOrDefault(g.Key, g.Key),
                g.GroupBy(r => r.CategoryId).Select(c => new PublishedCategory(categoryNames.GetValueOrDefault(c.Key, c.Key), c.ToList())).ToList()))
            .ToList();
        return new { Tenant = http.Tenant(), Districts = groups };
    }
}

public sealed record PublishedCategory(string Name, IReadOnlyList<Resource> Resources);

public sealed record PublishedDistrict(string Name, IReadOnlyList<PublishedCategory> Categories);
