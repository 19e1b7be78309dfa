using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Core.Districts;
using Platform.Core.Meetings;
using Platform.Core.Organisations;
using Platform.Core.People;

namespace Platform.Core.Bodies;

/// <summary>
/// The one place where a <see cref="BodyInput"/> is checked and turned into a body: the API, the SDK's
/// <c>IBodies</c> and the seed loader all come here before <see cref="BodyStore"/> writes.
/// </summary>
public sealed class BodyRules(
    BodyStore bodies,
    DistrictStore districts,
    OrganisationStore organisations,
    PersonStore people,
    Lazy<IEnumerable<IMeetingKindSource>> kindSources
)
{
    /// <summary>
    /// The body that <paramref name="input"/> makes of <paramref name="current"/> (null for a new one), or every
    /// failing field.
    /// </summary>
    public async Task<(Body? Body, ValidationErrors Refusal)> CheckAsync(
        string tenantId,
        string id,
        BodyInput input,
        Body? current,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        if (!Ids.IsValid(id))
            errors.Add("id", "body.invalid_id", "識別子の形式が正しくありません。");
        var name = JapaneseText.Clean(input.Name ?? current?.Name);
        if (name.Length is 0 or > 200)
            errors.Add("name", "body.invalid_name", "協議体の名称を200文字以内で入力してください。");
        errors.RefuseInvisible("name", "協議体の名称", name);
        var tier = input.Tier ?? current?.Tier ?? 2;
        if (tier is < 1 or > 3)
            errors.Add("tier", "body.invalid_tier", "層は1〜3で指定してください。");
        var territory = input.Territory ?? current?.Territory ?? Territory.District;
        var districtId = Blank(input.DistrictId) ?? (input.Territory is null ? current?.DistrictId : null);
        if (territory == Territory.Tenant && districtId is not null)
            errors.Add("districtId", "body.district_not_allowed", "市町村全域の協議体には地区を指定しません。");
        if (territory != Territory.Tenant)
        {
            var district = districtId is null
                ? null
                : await districts.FindAsync(tenantId, districtId, cancellationToken);
            if (district is null)
                errors.Add("districtId", "district.not_found", "協議体の地区（圏域）を指定してください。");
        }
        var hostId = Blank(input.HostOrganisationId) ?? current?.HostOrganisationId;
        var members = input.Members ?? [.. current?.Members ?? []];
        var scope = (input.DefaultScope ?? [.. current?.DefaultScope ?? []]).Distinct().ToList();
        await CheckOrganisationsAsync(tenantId, hostId, members, scope, errors, cancellationToken);
        await CheckPeopleAsync(tenantId, members, errors, cancellationToken);
        var cadence = input.Cadence ?? current?.Cadence ?? new CadencePolicy();
        if (cadence.AtLeast is < 0 or > 52 || cadence.AtMost is < 1 or > 52)
            errors.Add("cadence", "body.invalid_cadence", "年度あたりの開催回数は0〜52回で指定してください。");
        else if (cadence.AtLeast > cadence.AtMost)
            errors.Add("cadence", "body.invalid_cadence", "開催回数の下限が上限を超えています。");
        var counted = (input.CountedBodyIds ?? [.. current?.CountedBodyIds ?? []]).Distinct().ToList();
        await CheckCountedAsync(tenantId, id, counted, errors, cancellationToken);
        var countedKinds = CheckKinds(input.CountedKinds ?? [.. current?.CountedKinds ?? []], errors);
        var charter = Normalize(input.Charter ?? current?.Charter ?? new Charter());
        string?[] charterTexts = [charter.Why, charter.What, charter.Who, charter.Where, charter.When, charter.How];
        if (charterTexts.Any(t => t?.Length > 2000))
            errors.Add("charter", "body.charter_too_long", "5W1Hの各項目は2000文字以内で入力してください。");
        if (errors.Any)
            return (null, errors);
        return (
            new Body(
                id,
                name,
                Blank(input.Kind) ?? current?.Kind,
                tier,
                territory,
                territory == Territory.Tenant ? null : districtId,
                hostId,
                input.Status ?? current?.Status ?? BodyStatus.Active,
                cadence,
                charter,
                members,
                scope,
                counted
            )
            {
                CountedKinds = countedKinds,
            },
            errors
        );
    }

    /// <summary>Checks and writes a new body; a refusal is thrown (for callers outside a request handler).</summary>
    public async Task<Body> CreateAsync(
        string tenantId,
        BodyInput input,
        string? id = null,
        CancellationToken cancellationToken = default
    )
    {
        var (body, refusal) = await CheckAsync(tenantId, id ?? Ids.New(), input, current: null, cancellationToken);
        refusal.ThrowIfAny();
        await bodies.CreateAsync(tenantId, body!, cancellationToken);
        return body!;
    }

    /// <summary>Checks and writes a change to a body; a refusal is thrown.</summary>
    public async Task<Body> UpdateAsync(
        string tenantId,
        string bodyId,
        BodyInput input,
        CancellationToken cancellationToken = default
    )
    {
        var current = await bodies.GetAsync(tenantId, bodyId, cancellationToken);
        var (body, refusal) = await CheckAsync(tenantId, bodyId, input, current, cancellationToken);
        refusal.ThrowIfAny();
        await bodies.UpdateAsync(tenantId, body!, cancellationToken);
        return body!;
    }

    private async Task CheckOrganisationsAsync(
        string tenantId,
        string? hostId,
        List<BodyMember> members,
        List<string> scope,
        ValidationErrors errors,
        CancellationToken cancellationToken
    )
    {
        var organisationIds = members
            .Select(m => m.OrganisationId)
            .OfType<string>()
            .Concat(scope)
            .Concat(hostId is null ? [] : [hostId]);
        foreach (var unknown in await organisations.UnknownAsync(tenantId, organisationIds, cancellationToken))
        {
            var field =
                unknown == hostId ? "hostOrganisationId"
                : scope.Contains(unknown) ? "defaultScope"
                : "members";
            errors.Add(field, "organisation.not_found", $"団体「{unknown}」が見つかりません。");
        }
        if (members.Any(m => m.OrganisationId is null && m.PersonId is null))
            errors.Add("members", "body.empty_member", "構成員には団体か人を指定してください。");
    }

    private async Task CheckPeopleAsync(
        string tenantId,
        List<BodyMember> members,
        ValidationErrors errors,
        CancellationToken cancellationToken
    )
    {
        var personIds = members.Select(m => m.PersonId).OfType<string>().ToHashSet();
        if (personIds.Count == 0)
            return;
        var known = (await people.ListAsync(tenantId, cancellationToken: cancellationToken))
            .Select(p => p.Id)
            .ToHashSet();
        foreach (var unknown in personIds.Where(p => !known.Contains(p)))
            errors.Add("members", "person.not_found", $"人「{unknown}」が見つかりません。");
    }

    private async Task CheckCountedAsync(
        string tenantId,
        string id,
        List<string> counted,
        ValidationErrors errors,
        CancellationToken cancellationToken
    )
    {
        if (counted.Contains(id))
        {
            errors.Add("countedBodyIds", "body.counts_itself", "協議体自身を指定することはできません。");
            return;
        }
        if (counted.Count == 0)
            return;
        var known = (await bodies.ListAsync(tenantId, cancellationToken: cancellationToken))
            .Select(b => b.Id)
            .ToHashSet();
        foreach (var unknown in counted.Where(b => !known.Contains(b)))
            errors.Add("countedBodyIds", "body.not_found", $"協議体「{unknown}」が見つかりません。");
    }

    /// <summary>
    /// The kinds named, each a kind of the platform or of a module (switched on or not: a body may count a module's
    /// meetings held before it was switched off).
    /// </summary>
    private List<string> CheckKinds(List<string> named, ValidationErrors errors)
    {
        var kinds = MeetingKinds.All(kindSources.Value);
        var list = named.Select(k => k?.Trim() ?? "").Distinct().ToList();
        foreach (var unknown in list.Where(k => kinds.All(known => known.Id != k)))
            errors.Add("countedKinds", "body.unknown_kind", $"会議の種類「{unknown}」が見つかりません。");
        return list;
    }

    private static Charter Normalize(Charter c) =>
        new(Blank(c.Why), Blank(c.What), Blank(c.Who), Blank(c.Where), Blank(c.When), Blank(c.How));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
