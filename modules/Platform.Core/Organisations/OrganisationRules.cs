using System.Text.RegularExpressions;
using Platform.Abstractions.Errors;
using Platform.Core.Districts;

namespace Platform.Core.Organisations;

/// <summary>
/// The one place where an <see cref="OrganisationInput"/> or an <see cref="OrganisationTypeInput"/> is checked: the
/// API, the SDK's <c>IOrganisations</c> and the seed loader come here before <see cref="OrganisationStore"/> writes.
/// </summary>
public sealed partial class OrganisationRules(OrganisationStore organisations, DistrictStore districts)
{
    /// <summary>
    /// The organisation <paramref name="input"/> describes under <paramref name="id"/>, or every failing field. The
    /// contact of <paramref name="current"/> is kept when the input carries none.
    /// </summary>
    public async Task<(Organisation? Organisation, ValidationErrors Refusal)> CheckAsync(
        string tenantId,
        string id,
        OrganisationInput input,
        CancellationToken cancellationToken,
        Organisation? current = null
    )
    {
        var errors = new ValidationErrors();
        var name = JapaneseText.Clean(input.Name);
        if (name.Length is 0 or > 200)
            errors.Add("name", "organisation.invalid_name", "団体名を200文字以内で入力してください。");
        errors.RefuseInvisible("name", "団体名", name);
        var typeId = string.IsNullOrWhiteSpace(input.TypeId) ? "other" : input.TypeId.Trim();
        if ((await organisations.TypesAsync(tenantId, cancellationToken)).All(t => t.Id != typeId))
            errors.Add("typeId", "organisation.unknown_type", "団体の種別が見つかりません。");
        var districtId = string.IsNullOrWhiteSpace(input.DistrictId) ? null : input.DistrictId.Trim();
        if (districtId is not null && await districts.FindAsync(tenantId, districtId, cancellationToken) is null)
            errors.Add("districtId", "district.not_found", "地区が見つかりません。");
        if (!Ids.IsValid(id))
            errors.Add(
                "id",
                "organisation.invalid_id",
                "識別子は英小文字・数字・ハイフンの2〜64文字で指定してください。"
            );
        var contact = input.Contact is null ? current?.Contact : CheckContact(input.Contact, errors);
        return errors.Any
            ? (null, errors)
            : (new Organisation(id, name, typeId, districtId) { Contact = contact }, errors);
    }

    /// <summary>
    /// The office contact as it is stored (null when every field is empty). A phone number is kept as typed apart from
    /// full-width digits; an e-mail address is checked only for its shape.
    /// </summary>
    public static OrganisationContact? CheckContact(OrganisationContact input, ValidationErrors errors)
    {
        var phone = JapaneseText.Normalize(input.Phone).Replace('ー', '-').Replace('−', '-');
        if (phone.Length > 0 && (phone.Length > 40 || !Phone().IsMatch(phone) || phone.Count(char.IsAsciiDigit) < 6))
            errors.Add(
                "contact.phone",
                "organisation.invalid_phone",
                "電話番号は数字とハイフンで入力してください（例：017-734-0000）。"
            );
        var email = JapaneseText.Normalize(input.Email);
        if (email.Length > 0 && (email.Length > 254 || !Email().IsMatch(email)))
            errors.Add(
                "contact.email",
                "organisation.invalid_email",
                "メールアドレスの形式が正しくありません（例：info@example.jp）。"
            );
        var address = JapaneseText.Clean(input.Address);
        if (address.Length > 400)
            errors.Add("contact.address", "organisation.invalid_address", "住所は400文字以内で入力してください。");
        errors.RefuseInvisible("contact.address", "住所", address);
        var person = JapaneseText.Clean(input.Person);
        if (person.Length > 200)
            errors.Add(
                "contact.person",
                "organisation.invalid_contact_person",
                "担当者は200文字以内で入力してください。"
            );
        errors.RefuseInvisible("contact.person", "担当者", person);
        if (phone.Length + email.Length + address.Length + person.Length == 0)
            return null;
        return new OrganisationContact(Blank(phone), Blank(email), Blank(address), Blank(person));
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    [GeneratedRegex(@"^\+?[0-9()\- ]+$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    /// <summary>The tenant's own organisation type <paramref name="input"/> describes, or every failing
    /// field.</summary>
    public async Task<(OrganisationType? Type, ValidationErrors Refusal)> CheckTypeAsync(
        string tenantId,
        OrganisationTypeInput input,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        var name = JapaneseText.Clean(input.Name);
        var id = JapaneseText.Normalize(input.Id).ToLowerInvariant();
        if (name.Length is 0 or > 100)
            errors.Add("name", "organisation_type.invalid_name", "種別名を100文字以内で入力してください。");
        errors.RefuseInvisible("name", "種別名", name);
        if (!Ids.IsValid(id))
            errors.Add(
                "id",
                "organisation_type.invalid_id",
                "識別子は英小文字・数字・ハイフンの2〜64文字で指定してください。"
            );
        else if ((await organisations.TypesAsync(tenantId, cancellationToken)).Any(t => t.Id == id))
            errors.Add("id", "organisation_type.exists", "同じ識別子の種別が既にあります。");
        return errors.Any ? (null, errors) : (new OrganisationType(id, name, false), errors);
    }

    /// <summary>Checks and writes a new organisation; a refusal is thrown (for callers outside a request
    /// handler).</summary>
    public async Task<Organisation> CreateAsync(
        string tenantId,
        OrganisationInput input,
        string? id = null,
        CancellationToken cancellationToken = default
    )
    {
        var (organisation, refusal) = await CheckAsync(tenantId, id ?? Ids.New(), input, cancellationToken);
        refusal.ThrowIfAny();
        await organisations.CreateAsync(tenantId, organisation!, cancellationToken);
        return organisation!;
    }
}
