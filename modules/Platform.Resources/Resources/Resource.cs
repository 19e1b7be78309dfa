namespace Platform.Resources.Resources;

/// <summary>found → confirmed (someone checked it exists) → published (care managers may see it); ended when it
/// stops.</summary>
public enum ResourceStatus
{
    Found,
    Confirmed,
    Published,
    Ended,
}

/// <summary>What a resource offers, who runs it, when and where: free text as people describe it.</summary>
public sealed record ResourceDetails(
    string? Offers = null,
    string? RunBy = null,
    string? When = null,
    string? Where = null
);

/// <summary>
/// A community resource (お宝): something good an area already has. <see cref="MeetingId"/> and
/// <see cref="OpinionId"/> say where it was found. Its contact is personal information: it is published only when
/// the person consented (<see cref="ContactConsent"/>) and staff chose to publish it (<see cref="PublishContact"/>).
/// </summary>
public sealed record Resource(
    string Id,
    string Name,
    string CategoryId,
    string? DistrictId,
    ResourceDetails Details,
    string? Contact,
    bool ContactConsent,
    bool PublishContact,
    string? MeetingId,
    string? OpinionId,
    ResourceStatus Status,
    DateOnly? LastConfirmed,
    string CreatedAt
)
{
    /// <summary>The contact as the public may see it: only with consent and the choice to publish.</summary>
    public string? PublicContact => ContactConsent && PublishContact ? Contact : null;
}

public sealed record ResourceInput(
    string? Name = null,
    string? CategoryId = null,
    string? DistrictId = null,
    ResourceDetails? Details = null,
    string? Contact = null,
    bool? ContactConsent = null,
    bool? PublishContact = null,
    ResourceStatus? Status = null,
    string? LastConfirmed = null
);

public sealed record ResourceCategory(string Id, string Name, bool BuiltIn);

public static class ResourceCategories
{
    /// <summary>A starting taxonomy from the treasures the seeds' sessions reported; a tenant adds its own.</summary>
    public static readonly IReadOnlyList<ResourceCategory> BuiltIn =
    [
        new("salon", "サロン・通いの場", true),
        new("watching-over", "見守り", true),
        new("mobile-shop", "移動販売・買い物支援", true),
        new("snow-clearing", "雪かき・除雪", true),
        new("meal-delivery", "配食・会食", true),
        new("childrens-cafeteria", "子ども食堂", true),
        new("dementia-cafe", "認知症カフェ", true),
        new("exercise-hobby", "運動・趣味", true),
        new("temple-cafe", "お寺カフェ", true),
        new("open-garden", "オープンガーデン", true),
        new("volunteer", "ボランティア・助け合い", true),
        new("transport", "移動支援・送迎", true),
        new("disaster-prevention", "防災・自主防災", true),
        new("other", "その他", true),
    ];

    /// <summary>A first guess for a resource made from an opinion's words; staff correct it.</summary>
    public static string Guess(string text) =>
        text switch
        {
            _ when text.Contains("雪") => "snow-clearing",
            _ when text.Contains("サロン") || text.Contains("お茶") => "salon",
            _ when text.Contains("食堂") => "childrens-cafeteria",
            _ when text.Contains("見守") || text.Contains("みまもり") || text.Contains("安心電話") => "watching-over",
            _ when text.Contains("認知症") => "dementia-cafe",
            _ when text.Contains("ゲートボール") || text.Contains("体操") || text.Contains("運動") => "exercise-hobby",
            _ when text.Contains("防災") => "disaster-prevention",
            _ when text.Contains("送迎") || text.Contains("移動") => "transport",
            _ when text.Contains("ボランティア") || text.Contains("便利屋") || text.Contains("協力員") => "volunteer",
            _ => "other",
        };

    public static string Japanese(this ResourceStatus status) =>
        status switch
        {
            ResourceStatus.Found => "発見",
            ResourceStatus.Confirmed => "確認済み",
            ResourceStatus.Published => "公開中",
            _ => "終了",
        };
}
