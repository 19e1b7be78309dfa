using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Districts;
using Platform.Core.Privacy;

namespace Platform.Host.Accounts;

public sealed record GrantInput(Role? Role, string? DistrictId = null, Sensitivity? Clearance = null);

/// <summary>A new account; with <c>ExternalName</c> (the name the tenant's identity provider knows the person by) the
/// password may be left out.</summary>
public sealed record UserInput(
    string? UserName,
    string? DisplayName,
    string? Password,
    List<GrantInput>? Grants,
    string? ExternalName = null
);

/// <summary>An account as the tenant admin sees it: its grants there and its external ID, never the password.</summary>
public sealed record UserView(
    string Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<Grant> Grants,
    string? ExternalName
);

/// <summary>What the users page shows.</summary>
public sealed record UsersModel(
    TenantInfo Tenant,
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<District> Districts,
    IReadOnlyDictionary<string, SignInDelayEndpoints.Waiting> Delays,
    IReadOnlyDictionary<string, string> ExternalNames,
    IdentityProvider? Provider
);

/// <summary>What the users page uses, bound as one parameter.</summary>
public sealed record UsersPageServices(
    AccountStore Accounts,
    DistrictStore Districts,
    IdentityProviders Providers,
    SignInDelays Delays,
    TimeProvider Time
);

/// <summary>A tenant admin's accounts of the tenant's staff: who they are and what they may do there (never the
/// password).</summary>
public static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermission(CorePermissions.Administer);
        var api = tenant.MapGroup("/api").WithTags("Accounts");
        api.MapGet("/users", ListUsers).Describe("listUsers", "利用者の一覧", "List the tenant's users");
        api.MapPost("/users", CreateUser)
            .Describe("createUser", "利用者を登録", "Create a user")
            .Refuses(
                400,
                "validation.failed",
                "account.invalid_user_name",
                "account.weak_password",
                "account.external_name_too_long",
                "account.display_name_required",
                InvisibleCharacters.Code,
                "account.role_required",
                "district.not_found",
                "privacy.invalid_level",
                "account.grant_required"
            )
            .Refuses(409, "account.exists", "account.external_name_exists");
        tenant.MapGet("/admin/users", UsersPageAsync).ExcludeFromDescription();
    }

    public static async Task<Ok<IReadOnlyList<UserView>>> ListUsers(
        ITenantContext tenant,
        AccountStore accounts,
        CancellationToken cancellationToken
    )
    {
        var externalNames = await accounts.ExternalNamesAsync(tenant.Tenant.Id, cancellationToken);
        var list = await accounts.ListForTenantAsync(tenant.Tenant.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<UserView>>(
            list.Select(a => new UserView(
                    a.Id,
                    a.UserName,
                    a.DisplayName,
                    a.Grants,
                    externalNames.GetValueOrDefault(a.Id)
                ))
                .ToList()
        );
    }

    public static async Task<Results<Created<UserView>, ProblemHttpResult>> CreateUser(
        ITenantContext tenant,
        UserInput input,
        UserRules rules,
        AccountStore accounts,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var (user, refusal) = await rules.CheckAsync(tenantId, input, cancellationToken);
        if (user is null)
            return refusal.ToProblem();
        var created = await accounts.CreateAsync(
            user.UserName,
            user.DisplayName,
            user.Password,
            platformAdmin: false,
            user.Grants,
            user.External,
            cancellationToken
        );
        return TypedResults.Created(
            $"/{tenantId}/api/users",
            new UserView(created.Id, created.UserName, created.DisplayName, created.Grants, user.External?.Name)
        );
    }

    public static async Task<RazorComponentResult<UsersPage>> UsersPageAsync(
        ITenantContext tenant,
        [AsParameters] UsersPageServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var list = await services.Accounts.ListForTenantAsync(tenantId, cancellationToken);
        var names = list.Select(a => a.UserName).ToHashSet(StringComparer.Ordinal);
        return PageResult.For<UsersPage, UsersModel>(
            new UsersModel(
                tenant.Tenant,
                list,
                await services.Districts.ListAsync(tenantId, cancellationToken),
                SignInDelayEndpoints.List(services.Delays, services.Time, names).ToDictionary(w => w.UserName),
                await services.Accounts.ExternalNamesAsync(tenantId, cancellationToken),
                services.Providers.ByTenant.GetValueOrDefault(tenantId)
            )
        );
    }
}
