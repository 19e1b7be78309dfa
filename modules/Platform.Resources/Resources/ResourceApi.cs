using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Bodies;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Data;
using Platform.Abstractions.Districts;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Records;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;

namespace Platform.Resources.Resources;

/// <summary>A category of the tenant's own: its id (lower-case letters, digits, hyphens) and its name.</summary>
public sealed record CategoryInput(string? Id, string? Name);

/// <summary>What the resource handlers use, bound as one parameter.</summary>
public sealed record ResourceServices(ResourceStore Store, ResourceRules Rules, IModuleGate Gate, TimeProvider Time);

/// <summary>What making a resource of a meeting's opinion reads, bound as one parameter.</summary>
public sealed record OpinionSources(IMeetings Meetings, IMeetingRecords Records, IBodies Bodies);

/// <summary>The catalogue's API (API.md: GET/POST /api/resources), its categories, resources from opinions.</summary>
public static class ResourceApi
{
    public const string ModuleId = "Platform.Resources";

    /// <summary>What a resource's fields may be refused for.</summary>
    private static readonly string[] InputCodes =
    [
        "validation.failed",
        "resource.name_required",
        "resource.name_too_long",
        "resource.unknown_category",
        "district.not_found",
        "resource.contact_too_long",
        "resource.contact_without_consent",
        "resource.invalid_date",
        "resource.details_too_long",
        "text.invisible_characters",
    ];

    public static void MapResourceApi(this IEndpointRouteBuilder tenant)
    {
        var api = tenant
            .MapGroup("/api")
            .WithTags(ModuleId)
            .RequirePermissions(ResourcePermissions.View, ResourcePermissions.Manage);
        var resources = api.MapGroup("/resources");
        resources.MapGet("/", ListResources).Describe("listResources", "お宝（地域資源）の一覧", "List resources");
        resources
            .MapPost("/", CreateResource)
            .Describe("createResource", "お宝を登録", "Create a resource")
            .Refuses(400, InputCodes)
            .Refuses(404, "module.disabled");
        resources
            .MapGet("/{resourceId}", GetResource)
            .Describe("getResource", "お宝を取得", "Get a resource")
            .Refuses(404, "resource.not_found");
        resources
            .MapPatch("/{resourceId}", UpdateResource)
            .Describe("updateResource", "お宝を変更", "Change a resource")
            .Refuses(400, InputCodes)
            .Refuses(404, "resource.not_found", "module.disabled");
        resources
            .MapGet("/export.csv", ExportResources)
            .Describe("exportResources", "公開中のお宝の一覧（CSV）", "Published resources as CSV")
            .ProducesFile("text/csv");
        api.MapGet("/resource-categories", ListCategories)
            .Describe("listResourceCategories", "お宝の分類の一覧", "List resource categories");
        api.MapPost("/resource-categories", CreateCategory)
            .Describe("createResourceCategory", "お宝の分類を追加", "Add a resource category")
            .Refuses(
                400,
                "validation.failed",
                "resource_category.invalid_id",
                "resource_category.exists",
                "resource_category.invalid_name",
                "text.invisible_characters"
            )
            .RequirePermission(ResourcePermissions.ManageCategories);
        api.MapPost("/meetings/{meetingId}/opinions/{opinionId}/resource", CreateFromOpinion)
            .Describe("createResourceFromOpinion", "会議の意見からお宝を登録", "Make a resource of a meeting's opinion")
            .Refuses(404, "meeting.not_found", "opinion.not_found", "module.disabled")
            .Refuses(409, "resource.personal_source", "resource.exists_for_opinion");
    }

    public static async Task<Ok<IReadOnlyList<Resource>>> ListResources(
        ITenantContext tenant,
        string? districtId,
        string? categoryId,
        string? q,
        ResourceStatus? status,
        bool? review,
        ResourceStore store,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var filter = new ResourceStore.Filter(districtId, categoryId, q, status);
        var list = await store.ListAsync(tenant.Tenant.Id, filter, cancellationToken);
        var today = Clock.TodayInJapan(time);
        return TypedResults.Ok(review == true ? list.Where(r => ResourceStore.NeedsReview(r, today)).ToList() : list);
    }

    public static async Task<Results<Created<Resource>, ProblemHttpResult>> CreateResource(
        ITenantContext tenant,
        ResourceInput input,
        [AsParameters] ResourceServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        await RequireEnabledAsync(tenantId, input.DistrictId, services.Gate);
        var (resource, refusal) = await services.Rules.CheckAsync(
            tenantId,
            Ids.New(),
            input,
            null,
            Clock.TodayInJapan(services.Time),
            cancellationToken
        );
        if (resource is null)
            return refusal.ToProblem();
        await services.Store.CreateAsync(tenantId, resource, cancellationToken);
        return TypedResults.Created($"/{tenantId}/api/resources/{resource.Id}", resource);
    }

    public static async Task<Ok<Resource>> GetResource(
        ITenantContext tenant,
        string resourceId,
        ResourceStore store,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await store.GetAsync(tenant.Tenant.Id, resourceId, cancellationToken));

    public static async Task<Results<Ok<Resource>, ProblemHttpResult>> UpdateResource(
        ITenantContext tenant,
        string resourceId,
        ResourceInput input,
        [AsParameters] ResourceServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var current = await services.Store.GetAsync(tenantId, resourceId, cancellationToken);
        if (input.DistrictId is not null)
            await RequireEnabledAsync(tenantId, input.DistrictId, services.Gate);
        var (resource, refusal) = await services.Rules.CheckAsync(
            tenantId,
            resourceId,
            input,
            current,
            Clock.TodayInJapan(services.Time),
            cancellationToken
        );
        if (resource is null)
            return refusal.ToProblem();
        await services.Store.UpdateAsync(tenantId, resource, cancellationToken);
        return TypedResults.Ok(resource);
    }

    /// <summary>Sets the header itself: the file's name in ASCII for old clients, in Japanese for the others.</summary>
    public static async Task<FileContentHttpResult> ExportResources(
        ITenantContext tenant,
        HttpResponse response,
        ResourceStore store,
        IDistricts districts,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var (districtNames, categoryNames) = await NamesAsync(tenantId, store, districts, cancellationToken);
        var published = new ResourceStore.Filter(Status: ResourceStatus.Published);
        var resources = await store.ListAsync(tenantId, published, cancellationToken);
        response.Headers.ContentDisposition =
            "attachment; filename=\"resources.csv\"; filename*=UTF-8''%E3%81%8A%E5%AE%9D%E4%B8%80%E8%A6%A7.csv";
        return TypedResults.Bytes(
            ResourceCsv.Write(resources, districtNames, categoryNames),
            "text/csv; charset=utf-8"
        );
    }

    public static async Task<Ok<IReadOnlyList<ResourceCategory>>> ListCategories(
        ITenantContext tenant,
        ResourceStore store,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await store.CategoriesAsync(tenant.Tenant.Id, cancellationToken));

    public static async Task<Results<Created<ResourceCategory>, ProblemHttpResult>> CreateCategory(
        ITenantContext tenant,
        CategoryInput input,
        ResourceStore store,
        ResourceRules rules,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var (category, refusal) = await rules.CheckAsync(tenantId, input, cancellationToken);
        if (category is null)
            return refusal.ToProblem();
        await store.AddCategoryAsync(tenantId, category, cancellationToken);
        return TypedResults.Created($"/{tenantId}/api/resource-categories", category);
    }

    /// <summary>
    /// One action on a meeting's opinion: a draft resource in the meeting's district, linked to the opinion.
    /// </summary>
    public static async Task<Results<Created<Resource>, ProblemHttpResult>> CreateFromOpinion(
        ITenantContext tenant,
        string meetingId,
        string opinionId,
        [AsParameters] OpinionSources sources,
        [AsParameters] ResourceServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var meeting = await sources.Meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var record = await sources.Records.ReadAsync(tenantId, meeting, cancellationToken);
        var opinion =
            record.Opinions.FirstOrDefault(o => o.Id == opinionId)
            ?? throw PlatformException.NotFound("opinion.not_found", "意見");
        // A resource is written to be published to care managers: it cannot start from what is about a resident.
        if (opinion.Withheld || opinion.Personal)
            return new PlatformException(
                409,
                "resource.personal_source",
                "個人情報を含む意見からはお宝を登録できません。",
                "利用者個人に関わらない形で、お宝の登録画面から改めて入力してください。"
            ).ToProblem();
        var body = await sources.Bodies.GetAsync(tenantId, meeting.BodyId, cancellationToken);
        await RequireEnabledAsync(tenantId, body.DistrictId, services.Gate);
        var byOpinion = new ResourceStore.Filter(OpinionId: opinionId);
        if ((await services.Store.ListAsync(tenantId, byOpinion, cancellationToken)).FirstOrDefault() is { } existing)
            return new PlatformException(
                409,
                "resource.exists_for_opinion",
                "この意見はすでにお宝として登録されています。",
                $"「{existing.Name}」を編集してください。"
            )
            {
                Extensions = { ["resourceId"] = existing.Id },
            }.ToProblem();
        var name = opinion.Text.TrimEnd('。', '.', ' ');
        var input = new ResourceInput(
            name.Length > 60 ? name[..60] : name,
            ResourceCategories.Guess(opinion.Text),
            body.DistrictId,
            new ResourceDetails(Offers: opinion.Text, RunBy: opinion.Organisation)
        );
        var (resource, refusal) = await services.Rules.CheckAsync(
            tenantId,
            Ids.New(),
            input,
            null,
            Clock.TodayInJapan(services.Time),
            cancellationToken
        );
        if (resource is null)
            return refusal.ToProblem();
        resource = resource with { MeetingId = meetingId, OpinionId = opinionId };
        await services.Store.CreateAsync(tenantId, resource, cancellationToken);
        return TypedResults.Created($"/{tenantId}/api/resources/{resource.Id}", resource);
    }

    /// <summary>
    /// Resources are district-scoped: where the module is off in a district, nothing can be catalogued there.
    /// </summary>
    private static async Task RequireEnabledAsync(string tenantId, string? districtId, IModuleGate gate)
    {
        if (string.IsNullOrWhiteSpace(districtId) || !Ids.IsValid(districtId))
            return;
        if (!await gate.IsEnabledAsync(tenantId, districtId, ModuleId))
            throw new PlatformException(
                404,
                "module.disabled",
                "この機能はここでは使えません。",
                "この地区ではお宝（地域資源）が無効になっています。管理者に有効化を依頼してください。"
            );
    }

    internal static async Task<(
        IReadOnlyDictionary<string, string> Districts,
        IReadOnlyDictionary<string, string> Categories
    )> NamesAsync(string tenantId, ResourceStore store, IDistricts districts, CancellationToken cancellationToken) =>
        (
            (await districts.ListAsync(tenantId, cancellationToken)).ToDictionary(d => d.Id, d => d.Name),
            (await store.CategoriesAsync(tenantId, cancellationToken)).ToDictionary(c => c.Id, c => c.Name)
        );
}
