using Platform.Abstractions.Errors;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Districts;
using Platform.Core.Privacy;

namespace Platform.Host.Accounts;

/// <summary>A new account of a tenant's staff as <see cref="UserRules"/> accepted it.</summary>
public sealed record NewUser(
    string UserName,
    string DisplayName,
    string? Password,
    IReadOnlyList<Grant> Grants,
    ExternalLogin? External
);

/// <summary>The one place where a <see cref="UserInput"/> is checked: name, password, external ID, grants.</summary>
public sealed class UserRules(DistrictStore districts)
{
    /// <summary>The account <paramref name="input"/> asks for in the tenant, or every failing field.</summary>
    public async Task<(NewUser? User, ValidationErrors Refusal)> CheckAsync(
        string tenantId,
        UserInput input,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        var userName = input.UserName?.Trim() ?? "";
        var externalName = string.IsNullOrWhiteSpace(input.ExternalName)
            ? null
            : ExternalLogin.Normalize(input.ExternalName);
        AccountRules.CheckCredentials(userName, input.Password, errors, passwordOptional: externalName is not null);
        if (externalName is { Length: > 200 })
            errors.Add("externalName", "account.external_name_too_long", "外部IDは200文字以内で入力してください。");
        if (string.IsNullOrWhiteSpace(input.DisplayName))
            errors.Add("displayName", "account.display_name_required", "表示名を入力してください。");
        errors.RefuseInvisible("displayName", "表示名", input.DisplayName);
        var grants = new List<Grant>();
        foreach (var (g, i) in (input.Grants ?? []).Select((g, i) => (g, i)))
        {
            if (g.Role is not { } role)
                errors.Add($"grants[{i}].role", "account.role_required", "役割を選んでください。");
            else if (
                g.DistrictId is { Length: > 0 } d
                && await districts.FindAsync(tenantId, d, cancellationToken) is null
            )
                errors.Add($"grants[{i}].districtId", "district.not_found", "地区が見つかりません。");
            else if (g.Clearance is { } c && !Enum.IsDefined(c))
                errors.Add(
                    $"grants[{i}].clearance",
                    "privacy.invalid_level",
                    "閲覧できる範囲は 公開・関係者限り・個人情報・要配慮個人情報 のいずれかです。"
                );
            else
                grants.Add(
                    new Grant(
                        tenantId,
                        role,
                        string.IsNullOrEmpty(g.DistrictId) ? null : g.DistrictId,
                        g.Clearance ?? Sensitivity.Participants
                    )
                );
        }
        if (grants.Count == 0 && !errors.Any)
            errors.Add("grants", "account.grant_required", "役割を一つ以上付けてください。");
        if (errors.Any)
            return (null, errors);
        return (
            new NewUser(
                userName,
                input.DisplayName!.Trim(),
                input.Password,
                grants,
                externalName is null ? null : new ExternalLogin(tenantId, externalName)
            ),
            errors
        );
    }
}
