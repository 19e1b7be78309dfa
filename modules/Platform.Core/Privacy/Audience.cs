using Microsoft.AspNetCore.Http;
using Platform.Core.Accounts;
using Platform.Core.Tenancy;

namespace Platform.Core.Privacy;

/// <summary>
/// Who an output is for: a signed-in member of staff, with their clearance per district, or the public, who read
/// only 公開 content. Every read of a meeting's record names its audience (<see cref="Disclosure"/>).
/// </summary>
public sealed class Audience
{
    private readonly Func<string?, Sensitivity> _clearance;

    private Audience(string name, string? accountId, Func<string?, Sensitivity> clearance) =>
        (Name, AccountId, _clearance) = (name, accountId, clearance);

    /// <summary>The public version (公開版): what may be published.</summary>
    public static Audience Public { get; } = new("公開版", null, _ => Sensitivity.Public);

    /// <summary>A module's seeder loading a demo tenant: reads what the seed wrote as staff would, never a resident's
    /// information.</summary>
    public static Audience Seeding { get; } = new("初期データの読み込み", null, _ => Sensitivity.Participants);

    public static Audience Of(Account account, string tenantId) =>
        new(account.UserName, account.Id, district => account.ClearanceIn(tenantId, district));

    /// <summary>For the audit log.</summary>
    public string Name { get; }

    public string? AccountId { get; }

    public bool IsPublic => AccountId is null;

    public Sensitivity ClearanceIn(string? districtId) => _clearance(districtId);

    /// <summary>A handler's <c>Audience</c> parameter: the reader of the request, so the handler needs no
    /// HttpContext.</summary>
    public static ValueTask<Audience?> BindAsync(HttpContext http) => ValueTask.FromResult<Audience?>(http.Audience());
}

public static class AudienceHttpContextExtensions
{
    /// <summary>The signed-in account of a tenant request, or the public when nobody is signed in (the public
    /// pages).</summary>
    public static Audience Audience(this HttpContext http) =>
        http.Account() is { } account ? Privacy.Audience.Of(account, http.Tenant().Id) : Privacy.Audience.Public;
}
