using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Host.Tests.HostileInput;

/// <summary>
/// Real ids of one demo tenant, read through its API, to fill route parameters and id fields of bodies: a generated
/// body must reach the handler's validation, not stop at a 404 for an id that does not exist.
/// </summary>
public sealed class DemoIds
{
    // For a parameter nothing here knows: shaped like the platform's ids, so it is looked up rather than refused as a
    // shape.
    public const string Unknown = "q4snhsqeza44zzzz";

    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);

    public string Tenant { get; }

    private DemoIds(string tenant) => Tenant = tenant;

    public string this[string name] => _byName.GetValueOrDefault(name) ?? Unknown;

    public bool Knows(string name) => _byName.ContainsKey(name);

    /// <summary>An id the test made itself, where the demo data has none of that kind.</summary>
    public void Add(string name, string id) => _byName[name] = id;

    public static async Task<DemoIds> ReadAsync(HttpClient client, string tenant)
    {
        var ids = new DemoIds(tenant) { _byName = { ["tenant"] = tenant } };
        async Task<JsonElement> Get(string path) => await client.GetFromJsonAsync<JsonElement>($"/{tenant}/api/{path}");
        static string? First(JsonElement list, string property = "id") =>
            list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
                ? list[0].GetProperty(property).GetString()
                : null;
        void Set(string name, string? id)
        {
            if (id is not null)
                ids._byName[name] = id;
        }

        // A held meeting with opinions: the record routes need one, and its body and district go with it.
        foreach (
            var meeting in (await Get("meetings"))
                .EnumerateArray()
                .Where(m => m.GetProperty("status").GetString() == "held")
        )
        {
            var id = meeting.GetProperty("id").GetString()!;
            var record = (await Get($"meetings/{id}/record")).GetProperty("record");
            if (record.GetProperty("opinions").GetArrayLength() == 0)
                continue;
            Set("meetingId", id);
            Set("bodyId", meeting.GetProperty("bodyId").GetString());
            Set("districtId", meeting.GetProperty("districtId").GetString());
            Set("opinionId", First(record.GetProperty("opinions")));
            Set("itemId", ids["opinionId"]);
            Set("agendaItemId", First(record.GetProperty("agenda")));
            Set("templateId", First(await Get($"meetings/{id}/agenda-templates")));
            break;
        }
        Set("districtId", ids.Knows("districtId") ? ids["districtId"] : First(await Get("districts")));
        Set("bodyId", ids.Knows("bodyId") ? ids["bodyId"] : First(await Get("bodies")));
        Set("organisationId", First(await Get("organisations")));
        Set("typeId", First(await Get("organisation-types")));
        Set("categoryId", First(await Get("resource-categories")));
        Set("resourceId", First(await Get("resources")));
        Set("accountId", First(await Get("users")));
        var people = await Get("people");
        Set("personId", First(people));
        if (people.GetArrayLength() > 0)
            Set("roleId", First(people[0].GetProperty("roles")));
        var modules = (await Get("modules")).EnumerateArray().ToList();
        ids.EnabledModules = modules
            .Where(m => m.GetProperty("enabled").GetBoolean())
            .Select(m => m.GetProperty("id").GetString()!)
            .ToHashSet();
        // A round of exchange sessions, where the module is on: its comments' action form needs one.
        if (ids.EnabledModules.Contains("Miyagi.ExchangeSessions"))
            Set("roundId", First(await Get("exchange-rounds")));
        // The module with settings, so that the settings route reaches the settings' validation.
        Set(
            "moduleId",
            modules
                .Where(m => m.GetProperty("hasSettings").GetBoolean())
                .Select(m => m.GetProperty("id").GetString())
                .FirstOrDefault()
        );

        // There is no list of action items: one is made, as a coordinator would from the meeting's record.
        if (ids.Knows("meetingId"))
        {
            var action = await client.PostAsJsonAsync(
                $"/{tenant}/api/meetings/{ids["meetingId"]}/actions",
                new { title = "検査用の取組" }
            );
            action.EnsureSuccessStatusCode();
            Set("actionId", (await action.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
            // Likewise a comment, which the demo meetings' records may not have.
            var comment = await client.PostAsJsonAsync(
                $"/{tenant}/api/meetings/{ids["meetingId"]}/comments",
                new { speaker = "検査", text = "検査用のコメント" }
            );
            comment.EnsureSuccessStatusCode();
            Set(
                "commentId",
                (await comment.Content.ReadFromJsonAsync<JsonElement>())
                    .GetProperty("comment")
                    .GetProperty("id")
                    .GetString()
            );
        }
        return ids;
    }

    public IReadOnlySet<string> EnabledModules { get; private set; } = new HashSet<string>();

    /// <summary>The route's path with each parameter replaced by a real id of this tenant.</summary>
    public string Fill(WriteRoute route) =>
        route.Parameters.Aggregate(
            route.Pattern,
            (path, name) => path.Replace("{" + name + "}", Uri.EscapeDataString(this[name]), StringComparison.Ordinal)
        );
}
