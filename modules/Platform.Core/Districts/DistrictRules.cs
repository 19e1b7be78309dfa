using Platform.Abstractions.Errors;

namespace Platform.Core.Districts;

/// <summary>
/// The one place where a <see cref="DistrictInput"/> is checked: the API and the seed loader come here before
/// <see cref="DistrictStore"/> writes. A refusal is <c>validation.failed</c> with a message per field.
/// </summary>
public sealed class DistrictRules(DistrictStore districts)
{
    /// <summary>
    /// The district <paramref name="input"/> makes of <paramref name="current"/> (null for a new one, whose place is
    /// after the tenant's last unless given), or the refusal.
    /// </summary>
    public async Task<(District? District, PlatformException? Refusal)> CheckAsync(
        string tenantId,
        string id,
        DistrictInput input,
        District? current,
        CancellationToken cancellationToken
    )
    {
        var errors = new Dictionary<string, string[]>();
        var name = JapaneseText.Clean(input.Name ?? current?.Name);
        if (name.Length == 0)
            errors["name"] = ["地区名を入力してください。"];
        else if (name.Length > 100)
            errors["name"] = ["地区名は100文字以内で入力してください。"];
        var parentText = input.ParentId ?? current?.ParentId;
        var parentId = string.IsNullOrWhiteSpace(parentText) ? null : parentText.Trim();
        if (parentId is not null)
        {
            if (parentId == current?.Id)
                errors["parentId"] = ["地区を自分自身の下に置くことはできません。"];
            else if (await districts.FindAsync(tenantId, parentId, cancellationToken) is null)
                errors["parentId"] = ["上位の地区が見つかりません。"];
        }
        if (errors.Count > 0)
            return (null, PlatformException.Validation(errors));
        if (!Ids.IsValid(id))
            return (
                null,
                PlatformException.Validation(
                    new Dictionary<string, string[]>
                    {
                        ["id"] = ["識別子は英小文字・数字・ハイフンの2〜64文字で指定してください。"],
                    }
                )
            );
        var kind = input.Kind ?? current?.Kind ?? DistrictKind.District;
        var sortOrder =
            input.SortOrder ?? current?.SortOrder ?? await districts.NextSortOrderAsync(tenantId, cancellationToken);
        return (new District(id, tenantId, name, kind, parentId, sortOrder), null);
    }

    /// <summary>Checks and writes a new district; a refusal is thrown (for callers outside a request
    /// handler).</summary>
    public async Task<District> CreateAsync(
        string tenantId,
        DistrictInput input,
        string? id = null,
        CancellationToken cancellationToken = default
    )
    {
        var (district, refusal) = await CheckAsync(tenantId, id ?? Ids.New(), input, null, cancellationToken);
        if (refusal is not null)
            throw refusal;
        await districts.CreateAsync(district!, cancellationToken);
        return district!;
    }

    /// <summary>Checks and writes a change to a district, the fields left null keeping their values; a refusal is
    /// thrown.</summary>
    public async Task<District> UpdateAsync(
        string tenantId,
        string districtId,
        DistrictInput input,
        CancellationToken cancellationToken = default
    )
    {
        var current = await districts.GetAsync(tenantId, districtId, cancellationToken);
        var (district, refusal) = await CheckAsync(tenantId, districtId, input, current, cancellationToken);
        if (refusal is not null)
            throw refusal;
        await districts.UpdateAsync(district!, cancellationToken);
        return district!;
    }
}
