using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Errors;

namespace Platform.Core.Accounts;

/// <summary>The account a request is signed in as, which the host's access check puts on the request once it knows
/// it.</summary>
public static class SignedIn
{
    /// <summary>Null on anonymous routes (the public pages) and before the access check.</summary>
    public static Account? Account(this HttpContext http) => http.Items[typeof(Account)] as Account;

    public static Account RequiredAccount(this HttpContext http) =>
        http.Account() ?? throw new PlatformException(401, "auth.required", "サインインが必要です。");

    public static void SetAccount(this HttpContext http, Account account) => http.Items[typeof(Account)] = account;
}
