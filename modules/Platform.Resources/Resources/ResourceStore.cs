using System.Text.Json;
using Dapper;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Data;
using Platform.Abstractions.Districts;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Text;

namespace Platform.Resources.Resources;

/// <summary>The catalogue. Every command validates all its fields first and writes one row, or nothing.</summary>
public sealed class ResourceStore(IModuleDatabase database, IDistricts districts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns =
        "resource_id AS Id, name AS Name, category_id AS CategoryId, district_id AS DistrictId, details AS Details, contact AS Contact, " +
        "contact_consent AS ContactConsent, publish_contact AS PublishContact, meeting_id AS MeetingId, opinion_id AS OpinionId, status AS Status, " +
        "last_confirmed AS LastConfirmed, created_at AS CreatedAt";

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string CategoryId { get; init; } = "";
        public string? DistrictId { get; init; }
        public string Details { get; init; } = "";
        public string? Contact { get; init; }
        public int ContactConsent { get; init; }
        public int PublishContact { get; init; }
        public string? MeetingId { get; init; }
        public string? OpinionId { get; init; }
        public string Status { get; init; } = "";
        public string? LastConfirmed { get; init; }
        public string CreatedAt { get; init; } = "";

        public Resource ToResource() => new(Id, Name, CategoryId, DistrictId, JsonSerializer.Deserialize<ResourceDetails>(Details, Json)!, Contact,
            ContactConsent != 0, PublishContact != 0, MeetingId, OpinionId, Enum.Parse<ResourceStatus>(Status), Clock.ParseIso(LastConfirmed), CreatedAt);
    }

    public sealed record Filter(string? DistrictId = null, string? CategoryId = null, string? Query = null, ResourceStatus? Status = null, string? OpinionId = null);

    public async Task<IReadOnlyList<ResourceCategory>> CategoriesAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var own = await connection.QueryAsync<(string, string)>(
            "SELECT category_id, name FROM resource_categories WHERE tenant_id = @tenantId ORDER BY sort_order", new { tenantId });
        return [.. ResourceCategories.BuiltIn, .. own.Select(c => new ResourceCategory(c.Item1, c.Item2, false))];
    }

    public async Task<ResourceCategory> AddCategoryAsync(string tenantId, string? id, string? name, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var cleanId = JapaneseText.Normalize(id).ToLowerInvariant();
        var cleanName = JapaneseText.Clean(name);
        if (!Ids.IsValid(cleanId)) errors.Add("id", "resource_category.invalid_id", "識別子は英小文字・数字・ハイフンの2〜64文字で指定してください。");
        else if ((await CategoriesAsync(tenantId, cancellationToken)).Any(c => c.Id == cleanId)) errors.Add("id", "resource_category.exists", "同じ識別子の分類があります。");
        if (cleanName.Length is 0 or > 100) errors.Add("name", "resource_category.invalid_name", "分類名を100文字以内で入力してください。");
        errors.RefuseInvisible("name", "分類名", cleanName);
        errors.ThrowIfAny();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO resource_categories (tenant_id, category_id, name, sort_order) VALUES (@tenantId, @cleanId, @cleanName, (SELECT COUNT(*) FROM resource_categories WHERE tenant_id = @tenantId))",
            new { tenantId, cleanId, cleanName });
        return new ResourceCategory(cleanId, cleanName, false);
    }

    public async Task<IReadOnlyList<Resource>> ListAsync(string tenantId, Filter filter, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new
        {
            tenantId, districtId = filter.DistrictId, categoryId = filter.CategoryId, status = filter.Status?.ToString(), opinionId = filter.OpinionId,
        });
        var terms = SearchText.Terms(filter.Query);
        for (var i = 0; i < terms.Count; i++) parameters.Add($"t{i}", SearchText.Contains(terms[i]));
        var words = string.Concat(terms.Select((_, i) => $" AND search_text LIKE @t{i} ESCAPE '\\'"));
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM resources WHERE tenant_id = @tenantId AND (@districtId IS NULL OR district_id = @districtId) " +
            $"AND (@categoryId IS NULL OR category_id = @categoryId) AND (@status IS NULL OR status = @status) AND (@opinionId IS NULL OR opinion_id = @opinionId){words} " +
            "ORDER BY name", parameters);
        return rows.Select(r => r.ToResource()).ToList();
    }

    public async Task<Resource> GetAsync(string tenantId, string resourceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM resources WHERE tenant_id = @tenantId AND resource_id = @resourceId",
            new { tenantId, resourceId });
        return row?.ToResource() ?? throw PlatformException.NotFound("resource.not_found", "お宝");
    }

    public async Task<Resource> CreateAsync(string tenantId, ResourceInput input, DateOnly today, (string MeetingId, string OpinionId)? foundAt = null,
        string? id = null, CancellationToken cancellationToken = default)
    {
        var resource = await ValidateAsync(tenantId, id ?? Ids.New(), input, null, today, cancellationToken) with
        {
            MeetingId = foundAt?.MeetingId, OpinionId = foundAt?.OpinionId,
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO resources (tenant_id, resource_id, name, category_id, district_id, details, contact, contact_consent, publish_contact, meeting_id, opinion_id, " +
            "status, last_confirmed, search_text, created_at, updated_at) VALUES (@tenantId, @Id, @Name, @CategoryId, @DistrictId, @details, @Contact, @consent, @publish, " +
            "@MeetingId, @OpinionId, @status, @confirmed, @search, @now, @now)",
            Parameters(tenantId, resource));
        return resource;
    }

    public async Task<Resource> UpdateAsync(string tenantId, string resourceId, ResourceInput input, DateOnly today, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(tenantId, resourceId, cancellationToken);
        var resource = await ValidateAsync(tenantId, resourceId, input, current, today, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE resources SET name = @Name, category_id = @CategoryId, district_id = @DistrictId, details = @details, contact = @Contact, contact_consent = @consent, " +
            "publish_contact = @publish, status = @status, last_confirmed = @confirmed, search_text = @search, updated_at = @now WHERE tenant_id = @tenantId AND resource_id = @Id",
            Parameters(tenantId, resource));
        return resource;
    }

    private static object Parameters(string tenantId, Resource r) => new
    {
        tenantId, r.Id, r.Name, r.CategoryId, r.DistrictId, details = JsonSerializer.Serialize(r.Details, Json), r.Contact, consent = r.ContactConsent ? 1 : 0,
        publish = r.PublishContact ? 1 : 0, r.MeetingId, r.OpinionId, status = r.Status.ToString(), confirmed = r.LastConfirmed is { } c ? Clock.Iso(c) : null,
        search = SearchText.Fold($"{r.Name} {r.Details.Offers} {r.Details.RunBy} {r.Details.When} {r.Details.Where}"), now = Clock.Now(),
    };

    private async Task<Resource> ValidateAsync(string tenantId, string id, ResourceInput input, Resource? current, DateOnly today, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = input.Name is null ? current?.Name ?? "" : JapaneseText.Clean(input.Name);
        if (name.Length == 0) errors.Add("name", "resource.name_required", "お宝の名前を入力してください。");
        else if (name.Length > 200) errors.Add("name", "resource.name_too_long", "名前は200文字以内で入力してください。");
        errors.RefuseInvisible("name", "お宝の名前", name);
        var categoryId = string.IsNullOrWhiteSpace(input.CategoryId) ? current?.CategoryId ?? "other" : input.CategoryId.Trim();
        if ((await CategoriesAsync(tenantId, cancellationToken)).All(c => c.Id != categoryId))
            errors.Add("categoryId", "resource.unknown_category", $"分類「{categoryId}」はありません。");
        var districtId = input.DistrictId is null ? current?.DistrictId : input.DistrictId.Trim() is { Length: > 0 } d ? d : null;
        if (districtId is not null && await districts.FindAsync(tenantId, districtId, cancellationToken) is null)
            errors.Add("districtId", "district.not_found", "地区が見つかりません。");
        var contact = input.Contact is null ? current?.Contact : JapaneseText.CleanOrNull(input.Contact);
        if (contact?.Length > 300) errors.Add("contact", "resource.contact_too_long", "連絡先は300文字以内で入力してください。");
        var consent = input.ContactConsent ?? current?.ContactConsent ?? false;
        var publish = input.PublishContact ?? current?.PublishContact ?? false;
        if (publish && !consent)
            errors.Add("publishContact", "resource.contact_without_consent", "連絡先を公開するには、ご本人の同意を記録してください（同意がない連絡先は公開できません）。");
        var confirmed = JapaneseDate.Optional(input.LastConfirmed, errors, "lastConfirmed", "resource.invalid_date", "確認日") ?? current?.LastConfirmed;
        var status = input.Status ?? current?.Status ?? ResourceStatus.Found;
        var details = input.Details is { } x
            ? new ResourceDetails(Text(x.Offers), Text(x.RunBy), Text(x.When), Text(x.Where))
            : current?.Details ?? new ResourceDetails();
        if (new[] { details.Offers, details.RunBy, details.When, details.Where }.Any(t => t?.Length > 2000))
            errors.Add("details", "resource.details_too_long", "内容・運営・日時・場所は各2000文字以内で入力してください。");
        errors.ThrowIfAny();
        // Confirming or publishing is a confirmation that it still exists.
        if (status is ResourceStatus.Confirmed or ResourceStatus.Published && status != current?.Status && input.LastConfirmed is null) confirmed = today;
        return new Resource(id, name, categoryId, districtId, details, contact, consent, publish, current?.MeetingId, current?.OpinionId, status, confirmed,
            current?.CreatedAt ?? Clock.Now());
    }

    private static string? Text(string? value) => JapaneseText.CleanOrNull(value);

    /// <summary>Not confirmed for over a year (or never, and found over a year ago): to be checked again.</summary>
    public static bool NeedsReview(Resource r, DateOnly today) =>
        r.Status != ResourceStatus.Ended && (r.LastConfirmed ?? DateOnly.FromDateTime(DateTime.Parse(r.CreatedAt, System.Globalization.CultureInfo.InvariantCulture))) < today.AddYears(-1);
}
