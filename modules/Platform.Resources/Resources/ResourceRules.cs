using Platform.Abstractions.Calendar;
using Platform.Abstractions.Data;
using Platform.Abstractions.Districts;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Text;

namespace Platform.Resources.Resources;

/// <summary>
/// The one place where a <see cref="ResourceInput"/> or a <see cref="CategoryInput"/> is checked and turned into what
/// <see cref="ResourceStore"/> writes: the API and the seed loader both come here.
/// </summary>
public sealed class ResourceRules(ResourceStore store, IDistricts districts)
{
    /// <summary>
    /// The resource that <paramref name="input"/> makes of <paramref name="current"/> (null for a new one), or every
    /// failing field.
    /// </summary>
    public async Task<(Resource? Resource, ValidationErrors Refusal)> CheckAsync(
        string tenantId,
        string id,
        ResourceInput input,
        Resource? current,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        var name = input.Name is null ? current?.Name ?? "" : JapaneseText.Clean(input.Name);
        if (name.Length == 0)
            errors.Add("name", "resource.name_required", "お宝の名前を入力してください。");
        else if (name.Length > 200)
            errors.Add("name", "resource.name_too_long", "名前は200文字以内で入力してください。");
        errors.RefuseInvisible("name", "お宝の名前", name);
        var categoryId = string.IsNullOrWhiteSpace(input.CategoryId)
            ? current?.CategoryId ?? "other"
            : input.CategoryId.Trim();
        if ((await store.CategoriesAsync(tenantId, cancellationToken)).All(c => c.Id != categoryId))
            errors.Add("categoryId", "resource.unknown_category", $"分類「{categoryId}」はありません。");
        var districtId =
            input.DistrictId is null ? current?.DistrictId
            : input.DistrictId.Trim() is { Length: > 0 } d ? d
            : null;
        if (districtId is not null && await districts.FindAsync(tenantId, districtId, cancellationToken) is null)
            errors.Add("districtId", "district.not_found", "地区が見つかりません。");
        var contact = input.Contact is null ? current?.Contact : JapaneseText.CleanOrNull(input.Contact);
        if (contact?.Length > 300)
            errors.Add("contact", "resource.contact_too_long", "連絡先は300文字以内で入力してください。");
        var consent = input.ContactConsent ?? current?.ContactConsent ?? false;
        var publish = input.PublishContact ?? current?.PublishContact ?? false;
        if (publish && !consent)
            errors.Add(
                "publishContact",
                "resource.contact_without_consent",
                "連絡先を公開するには、ご本人の同意を記録してください（同意がない連絡先は公開できません）。"
            );
        var confirmed =
            JapaneseDate.Optional(input.LastConfirmed, errors, "lastConfirmed", "resource.invalid_date", "確認日")
            ?? current?.LastConfirmed;
        var status = input.Status ?? current?.Status ?? ResourceStatus.Found;
        var details = input.Details is { } x
            ? new ResourceDetails(Text(x.Offers), Text(x.RunBy), Text(x.When), Text(x.Where))
            : current?.Details ?? new ResourceDetails();
        if (new[] { details.Offers, details.RunBy, details.When, details.Where }.Any(t => t?.Length > 2000))
            errors.Add(
                "details",
                "resource.details_too_long",
                "内容・運営・日時・場所は各2000文字以内で入力してください。"
            );
        if (errors.Any)
            return (null, errors);
        // Confirming or publishing is a confirmation that it still exists.
        if (
            status is ResourceStatus.Confirmed or ResourceStatus.Published
            && status != current?.Status
            && input.LastConfirmed is null
        )
            confirmed = today;
        return (
            new Resource(
                id,
                name,
                categoryId,
                districtId,
                details,
                contact,
                consent,
                publish,
                current?.MeetingId,
                current?.OpinionId,
                status,
                confirmed,
                current?.CreatedAt ?? Clock.Now()
            ),
            errors
        );
    }

    /// <summary>
    /// Checks and writes a new resource, found at a meeting's opinion if <paramref name="foundAt"/> says so; a refusal
    /// is thrown (for callers outside a request handler).
    /// </summary>
    public async Task<Resource> CreateAsync(
        string tenantId,
        ResourceInput input,
        DateOnly today,
        (string MeetingId, string OpinionId)? foundAt = null,
        CancellationToken cancellationToken = default
    )
    {
        var (resource, refusal) = await CheckAsync(tenantId, Ids.New(), input, null, today, cancellationToken);
        refusal.ThrowIfAny();
        var found = resource! with { MeetingId = foundAt?.MeetingId, OpinionId = foundAt?.OpinionId };
        await store.CreateAsync(tenantId, found, cancellationToken);
        return found;
    }

    /// <summary>The tenant's own category that <paramref name="input"/> makes, or every failing field.</summary>
    public async Task<(ResourceCategory? Category, ValidationErrors Refusal)> CheckAsync(
        string tenantId,
        CategoryInput input,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        var id = JapaneseText.Normalize(input.Id).ToLowerInvariant();
        var name = JapaneseText.Clean(input.Name);
        if (!Ids.IsValid(id))
            errors.Add(
                "id",
                "resource_category.invalid_id",
                "識別子は英小文字・数字・ハイフンの2〜64文字で指定してください。"
            );
        else if ((await store.CategoriesAsync(tenantId, cancellationToken)).Any(c => c.Id == id))
            errors.Add("id", "resource_category.exists", "同じ識別子の分類があります。");
        if (name.Length is 0 or > 100)
            errors.Add("name", "resource_category.invalid_name", "分類名を100文字以内で入力してください。");
        errors.RefuseInvisible("name", "分類名", name);
        return errors.Any ? (null, errors) : (new ResourceCategory(id, name, false), errors);
    }

    private static string? Text(string? value) => JapaneseText.CleanOrNull(value);
}
