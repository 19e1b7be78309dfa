using Platform.Abstractions.Errors;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Districts;
using Platform.Core.Privacy;
using Platform.Core.Tenancy;

namespace Platform.Host.Accounts;

public sealed record GrantInput(Role? Role, string? DistrictId = null, Sensitivity? Clearance = null);

/// <summary>A new account; with <c>ExternalName</c> (the name the tenant's identity provider knows the person by) the password may be left out.</summary>
public sealed record UserInput(string? UserName, string? DisplayName, string? Password, List<GrantInput>? Grants, string? ExternalName = null);

/// <summary>A tenant admin's accounts of the tenant's staff: who they are and what they may do there (never the password).</summary>
public static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermission(CorePermissions.Administer);
        tenant.MapGet("/api/users", async (HttpContext http, AccountStore accounts) =>
        {
            var externalNames = await accounts.ExternalNamesAsync(http.Tenant().Id, http.RequestAborted);
            return (await accounts.ListForTenantAsync(http.Tenant().Id, http.RequestAborted))
                .Select(a => new { a.Id, a.UserName, a.DisplayName, a.Grants, externalName = externalNames.GetValueOrDefault(a.Id) });
        }).WithTags("Accounts");
        tenant.MapGet("/admin/users", async (HttpContext http, AccountStore accounts, DistrictStore districts, IdentityProviders providers, SignInDelays delays, TimeProvider time) =>
        {
            var list = await accounts.ListForTenantAsync(http.Tenant().Id, http.RequestAborted);
            return new Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<UsersPage>(new
            {
                Tenant = http.Tenant(),
                Accounts = list,
                Delays = SignInDelayEndpoints.List(delays, time, list.Select(a => a.UserName).ToHashSet(StringComparer.Ordinal)).ToDictionary(w => w.UserName),
                ExternalNames = await accounts.ExternalNamesAsync(http.Tenant().Id, http.RequestAborted),
                Provider = providers.ByTenant.GetValueOrDefault(http.Tenant().Id),
                Districts = await districts.ListAsync(http.Tenant().Id, http.RequestAborted),
            });
        }).ExcludeFromDescription();
        tenant.MapPost("/api/users", async (HttpContext http, UserInput input, AccountStore accounts, DistrictStore districts) =>
        {
            var tenantId = http.Tenant().Id;
            var errors = new ValidationErrors();
            var externalName = string.IsNullOrWhiteSpace(input.ExternalName) ? null : ExternalLogin.Normalize(input.ExternalName);
            AccountStore.CheckCredentials(input.UserName?.Trim() ?? "", input.Password, errors, passwordOptional: externalName is not null);
            if (externalName is { Length: > 200 }) errors.Add("externalName", "account.external_name_too_long", "外部IDは200文字以内で入力してください。");
            if (string.IsNullOrWhiteSpace(input.DisplayName)) errors.Add("displayName", "account.display_name_required", "表示名を入力してください。");
            errors.RefuseInvisible("displayName", "表示名", input.DisplayName);
            var grants = new List<Grant>();
            foreach (var (g, i) in (input.Grants ?? []).Select((g, i) => (g, i)))
            {
                if (g.Role is not { } role) errors.Add($"grants[{i}].role", "account.role_required", "役割を選んでください。");
                else if (g.DistrictId is { Length: > 0 } d && await districts.FindAsync(tenantId, d, http.RequestAborted) is null)
                    errors.Add($"grants[{i}].districtId", "district.not_found", "地区が見つかりません。");
                else if (g.Clearance is { } c && !Enum.IsDefined(c))
                    errors.Add($"grants[{i}].clearance", "privacy.invalid_level", "閲覧できる範囲は 公開・関係者限り・個人情報・要配慮個人情報 のいずれかです。");
                else grants.Add(new Grant(tenantId, role, string.IsNullOrEmpty(g.DistrictId) ? null : g.DistrictId, g.Clearance ?? Sensitivity.Participants));
            }
            if (grants.Count == 0 && !errors.Any) errors.Add("grants", "account.grant_required", "役割を一つ以上付けてください。");
            errors.ThrowIfAny();
            var created = await accounts.CreateAsync(input.UserName?.Trim() ?? "", input.DisplayName!.Trim(), input.Password, platformAdmin: false, grants,
                externalName is null ? null : new ExternalLogin(tenantId, externalName), http.RequestAborted);
            return Results.Created($"/{tenantId}/api/users",
                new { created.Id, created.UserName, created.DisplayName, created.Grants, externalName });
        }).WithTags("Accounts");
    }
}
