using System.Reflection;
using Platform.Core.Accounts;

namespace Platform.Host.Accounts;

/// <summary>
/// The account the request is signed in as, bound as a handler parameter: the access check put it on the request
/// (401 <c>auth.required</c> on an anonymous one).
/// </summary>
public sealed record SignedInAccount(Account Account)
{
    public static ValueTask<SignedInAccount?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<SignedInAccount?>(new SignedInAccount(http.RequiredAccount()));
}

/// <summary>The client's address, bound as a handler parameter, for the sign-in delays of wrong passwords.</summary>
public sealed record ClientAddress(string? Address)
{
    public static ValueTask<ClientAddress?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<ClientAddress?>(new ClientAddress(AccountEndpoints.ClientAddress(http)));
}
