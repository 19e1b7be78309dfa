using Platform.Abstractions.Districts;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Records;
using Platform.Abstractions.Tenancy;

namespace Platform.Resources.Resources;

/// <summary>The catalogue page: the resources found by its filters, those due for review, and the lists its filters
/// offer.</summary>
public sealed record CatalogueModel(
    TenantInfo Tenant,
    IReadOnlyList<Resource> Resources,
    IReadOnlyList<Resource> Review,
    IReadOnlyList<District> Districts,
    IReadOnlyList<ResourceCategory> Categories,
    string? DistrictId,
    string? CategoryId,
    string? Query,
    ResourceListState? List = null
);

/// <summary>A resource's form and the lists it offers.</summary>
public sealed record EditModel(
    TenantInfo Tenant,
    Resource Resource,
    IReadOnlyList<District> Districts,
    IReadOnlyList<ResourceCategory> Categories
);

/// <summary>What is published, by district and category: the booklet and the public page for care managers.</summary>
public sealed record PublishedModel(TenantInfo Tenant, IReadOnlyList<PublishedDistrict> Districts);

/// <summary>The showcase (お宝発表会): one printed page per resource picked.</summary>
public sealed record ShowcaseModel(
    TenantInfo Tenant,
    IReadOnlyList<Resource> Resources,
    IReadOnlyDictionary<string, string> DistrictNames,
    IReadOnlyDictionary<string, string> CategoryNames
);

/// <summary>A meeting's opinions as its reader may see them, with the resources already made from them.</summary>
public sealed record MeetingResourcesModel(
    TenantInfo Tenant,
    Meeting Meeting,
    RecordView Record,
    IReadOnlyDictionary<string, Resource> Found
);
