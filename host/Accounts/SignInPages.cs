using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Abstractions.Errors;
using Platform.Core.Accounts;
using Platform.Host.Errors;
using Platform.Host.Http;

namespace Platform.Host.Accounts;

/// <summary>What the sign-in page shows: where to go next, why the last try failed, the providers to offer.</summary>
public sealed record SignInModel(
    string? ReturnUrl,
    string? Error,
    string? UserName,
    IReadOnlyList<(string TenantId, string DisplayName)> Providers
);

/// <summary>What the password page shows: whether the change just happened, and whether the provider owns it.</summary>
public sealed record PasswordModel(bool Done, bool External);

/// <summary>What the sign-in form uses, bound as one parameter.</summary>
public sealed record SignInServices(AccountStore Accounts, IdentityProviders Providers);

/// <summary>
/// The sign-in page with its cookie for people, signing out, and the password page. The form posts set and clear the
/// session cookie, so they work on the request itself.
/// </summary>
public static class SignInPages
{
    public static void MapSignInPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/password", PasswordPageFor).ExcludeFromDescription();
        app.MapGet("/signin", SignInPageFor).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signin", SignInAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AccountEndpoints.SignInLimit)
            .ExcludeFromDescription();
        app.MapPost("/signout", SignOutAsync).AllowAnonymous().ExcludeFromDescription();
    }

    public static RazorComponentResult<PasswordPage> PasswordPageFor(SignedInAccount signedIn, bool? done) =>
        PageResult.For<PasswordPage, PasswordModel>(
            new PasswordModel(done == true, signedIn.Account.OnlyTenant is not null)
        );

    public static RazorComponentResult<SignInPage> SignInPageFor(
        string? returnUrl,
        string? failure,
        IdentityProviders providers
    )
    {
        var error =
            failure is not null && ExternalSignIn.Failures.TryGetValue(failure, out var message) ? message : null;
        return PageResult.For<SignInPage, SignInModel>(
            new SignInModel(LocalUrl.Checked(returnUrl), error, null, ProvidersFor(providers, returnUrl))
        );
    }

    public static async Task<IResult> SignInAsync(
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        [AsParameters] SignInServices services,
        HttpContext http
    )
    {
        try
        {
            var account = await services.Accounts.SignInAsync(
                userName,
                password,
                AccountEndpoints.ClientAddress(http),
                http.RequestAborted
            );
            await http.SignInAsync(
                CookieAuthenticationDefaults.AuthenticationScheme,
                SessionPrincipal.For(account, CookieAuthenticationDefaults.AuthenticationScheme)
            );
            return TypedResults.Redirect(LocalUrl.OrDefault(returnUrl, Home(account)));
        }
        catch (PlatformException problem) when (problem.Status is 401 or 429)
        {
            // The page again, with the message, under the problem's status (and Retry-After when told to wait).
            http.Response.StatusCode = problem.Status;
            ProblemWriter.AddRetryAfter(http, problem);
            return PageResult.For<SignInPage, SignInModel>(
                new SignInModel(
                    LocalUrl.Checked(returnUrl),
                    problem.Detail is null ? problem.Title : $"{problem.Title}{problem.Detail}",
                    userName,
                    ProvidersFor(services.Providers, returnUrl)
                )
            );
        }
    }

    // Only clears the cookie and sends the person to the sign-in page: a request delegate of its own.
    public static async Task SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        http.Response.Redirect("/signin");
    }

    /// <summary>The identity providers to offer: that of the tenant the person is heading for, or all.</summary>
    private static IReadOnlyList<(string TenantId, string DisplayName)> ProvidersFor(
        IdentityProviders providers,
        string? returnUrl
    )
    {
        var all = providers
            .ByTenant.Select(p => (TenantId: p.Key, p.Value.DisplayName))
            .OrderBy(p => p.TenantId, StringComparer.Ordinal)
            .ToList();
        var heading = LocalUrl.Checked(returnUrl)?.Split('/', 3)[1];
        return all.Any(p => p.TenantId == heading) ? all.Where(p => p.TenantId == heading).ToList() : all;
    }

    /// <summary>
    /// <c>/</c>: the signed-in person's own tenant, or the sign-in page, which leads there afterwards. (Sending everyone
    /// to one tenant left a Miyagi user signing in from <c>/</c> on 「テナントが見つかりません」.)
    /// </summary>
    public static async Task<RedirectHttpResult> RootAsync(
        ClaimsPrincipal user,
        AccountStore accounts,
        CancellationToken cancellationToken
    ) =>
        await SessionPrincipal.AccountAsync(user, accounts, cancellationToken) is { } account
            ? TypedResults.Redirect(Home(account))
            : TypedResults.Redirect("/signin");

    private static string Home(Account account) =>
        account.Grants.FirstOrDefault() is { } g ? $"/{g.TenantId}/" : "/aomori/";
}
