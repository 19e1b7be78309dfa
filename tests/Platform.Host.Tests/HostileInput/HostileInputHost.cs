using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Modules;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.HostileInput;

/// <summary>What a write route answered to one request, and what was sent.</summary>
public sealed record Outcome(string Request, int Status, string? ContentType, string Body)
{
    /// <summary>The request got past routing, sign-in and tenancy to the endpoint (its binding, validation or
    /// work).</summary>
    public bool ReachedEndpoint => Status is not (401 or 403 or 404 or 405);

    /// <summary>Why this answer breaks the contract of API.md, or null: never a 5xx; a 4xx is problem+json with a
    /// code.</summary>
    public string? Fault()
    {
        if (Status >= 500)
            return $"{Status} {Body[..Math.Min(Body.Length, 300)]}";
        if (Status < 400)
            return null;
        if (ContentType != "application/problem+json")
            return $"{Status} answered as {ContentType ?? "no content type"}, not problem+json";
        try
        {
            return
                JsonDocument.Parse(Body).RootElement.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                && code.GetString() is { Length: > 0 }
                ? null
                : $"{Status} problem without a code: {Body}";
        }
        catch (JsonException)
        {
            return $"{Status} problem+json that is not JSON: {Body}";
        }
    }

    public override string ToString() =>
        $"{Request}\n    → {Status} {ContentType}: {Body[..Math.Min(Body.Length, 300)]}";
}

/// <summary>
/// One host (embedded SQLite) with the demo tenants, signed in as each tenant's admin, for every generated request.
/// SQLite only: the inputs exercise binding and validation, which are the same on every database, and one host
/// for all routes keeps the suite within CI's budget.
/// </summary>
public sealed class HostileInputHost : IAsyncLifetime
{
    /// <summary>A staff account of its own for the sign-in routes, so that locking it or changing its password disturbs
    /// nothing else.</summary>
    public const string VictimUser = "hostile-input-victim";

    public const string VictimPassword = "hostile-input-victim-2026";

    private readonly Dictionary<string, (HttpClient Client, DemoIds Ids)> _tenants = [];

    private TestDatabase _database = default!;

    private HttpClient _victim = default!;

    public TestPlatform Platform { get; private set; } = default!;

    public IReadOnlyList<WriteRoute> Routes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _database = await SeededDatabases.CreateAsync(DatabaseProvider.Sqlite);
        Platform = await TestPlatform.StartAsync(_database);
        foreach (var tenant in new[] { "aomori", "miyagi" })
        {
            var client = await Platform.ClientForAsync($"{tenant}-admin");
            _tenants[tenant] = (client, await DemoIds.ReadAsync(client, tenant));
        }
        await AddConsentedOpinionAsync(_tenants["aomori"].Ids);
        foreach (var (client, ids) in _tenants.Values)
            await AddReplyTokenAsync(client, ids);
        var created = await _tenants["aomori"]
            .Client.PostAsJsonAsync(
                "/aomori/api/users",
                new
                {
                    userName = VictimUser,
                    displayName = "検査用",
                    password = VictimPassword,
                    grants = new[] { new { role = "viewer" } },
                }
            );
        created.EnsureSuccessStatusCode();
        _victim = await Platform.ClientForAsync(VictimUser, VictimPassword);
        Routes = WriteRoutes.All(Platform.Services);
    }

    // The demo record holds no item given with a resident's consent, so withdrawing consent would only ever answer 404:
    // one is recorded (by the platform administrator, who may record personal information) and named as {itemId}.
    private async Task AddConsentedOpinionAsync(DemoIds ids)
    {
        var opinion = await Platform.Client.PostAsJsonAsync(
            $"/{ids.Tenant}/api/meetings/{ids["meetingId"]}/opinions",
            new
            {
                agendaItemId = ids["agendaItemId"],
                text = "検査用：本人の同意を得た相談内容",
                sensitivity = "personal",
                basis = new
                {
                    kind = "consent",
                    consentedOn = "2018-11-01",
                    scope = "会議の参加者",
                },
            }
        );
        opinion.EnsureSuccessStatusCode();
        ids.Add(
            "itemId",
            (await opinion.Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("opinion")
                .GetProperty("id")
                .GetString()!
        );
    }

    // There is no list of reply links: one is issued, as a letter would carry it, for the meeting's first convened
    // organisation and named as {token}. Its first valid answer spends it; the later ones are refused as used (409).
    private async Task AddReplyTokenAsync(HttpClient client, DemoIds ids)
    {
        if (!ids.Knows("meetingId"))
            return;
        var meeting = await client.GetFromJsonAsync<JsonElement>($"/{ids.Tenant}/api/meetings/{ids["meetingId"]}");
        var convened = meeting.GetProperty("convened");
        if (convened.GetArrayLength() == 0)
            return;
        var links = Platform.Services.GetRequiredService<global::Platform.Core.Notices.ReplyLinks>();
        ids.Add(
            "token",
            links.Issue(ids.Tenant, ids["meetingId"], convened[0].GetProperty("organisationId").GetString()!)
        );
    }

    public async Task DisposeAsync()
    {
        foreach (var (client, _) in _tenants.Values)
            client.Dispose();
        _victim.Dispose();
        await Platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>The tenant a route is called in: one that has the route's module on (aomori unless only miyagi has
    /// it).</summary>
    public DemoIds IdsFor(WriteRoute route) =>
        route.ModuleId is { } module && !_tenants["aomori"].Ids.EnabledModules.Contains(module)
            ? _tenants["miyagi"].Ids
            : _tenants["aomori"].Ids;

    public JsonNode ExampleFor(WriteRoute route)
    {
        var ids = IdsFor(route);
        var settings = ids.Knows("moduleId")
            ? Platform.Services.GetRequiredService<ModuleCatalog>().Get(ids["moduleId"]).SettingsType
            : null;
        return ExampleBodies.For(route, ids, settings);
    }

    public async Task<Outcome> SendAsync(WriteRoute route, HostileBody body)
    {
        var (contentType, bytes) = body.Render(ExampleFor(route));
        return await SendAsync(route, contentType, bytes);
    }

    /// <summary>Sends a body to a route as the account allowed to call it, with the route's parameters filled with real
    /// ids.</summary>
    public async Task<Outcome> SendAsync(WriteRoute route, string? contentType, byte[] bytes)
    {
        var ids = IdsFor(route);
        var path = ids.Fill(route);
        var client = route.Pattern switch
        {
            "/api/auth/token" or "/signin" => Platform.NewClient(),
            "/api/auth/password" => _victim,
            _ => _tenants[ids.Tenant].Client,
        };
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), path)
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var shown = Encoding.UTF8.GetString(bytes);
        var outcome = new Outcome(
            $"{route.Method} {path} [{contentType}] {(shown.Length > 300 ? shown[..300] + $"…({shown.Length} chars)" : shown)}",
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            text
        );
        if (route.Pattern == "/api/auth/password" && response.StatusCode == HttpStatusCode.OK)
            await RestoreVictimAsync(bytes);
        return outcome;
    }

    // A generated body that happened to be a valid change of password changed it and revoked the victim's token:
    // put the password back, so the next case is judged on its own.
    private async Task RestoreVictimAsync(byte[] accepted)
    {
        var changedTo = JsonNode.Parse(accepted)!["newPassword"]!.GetValue<string>();
        var client = await Platform.ClientForAsync(VictimUser, changedTo);
        (
            await client.PostAsJsonAsync(
                "/api/auth/password",
                new { currentPassword = changedTo, newPassword = VictimPassword }
            )
        ).EnsureSuccessStatusCode();
        _victim = await Platform.ClientForAsync(VictimUser, VictimPassword);
    }
}
