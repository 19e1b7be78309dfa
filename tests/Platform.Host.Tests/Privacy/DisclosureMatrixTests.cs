using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Privacy;

/// <summary>
/// Every output × every level × every audience: one opinion and one comment per level, each field of them a
/// distinctive string, and for each output and audience exactly the strings <see cref="MaySee"/> allows are found.
/// The table (<see cref="Outputs"/>) and the rule are the spec; a field an output does not render is only required
/// absent where the rule hides it.
/// </summary>
public abstract class DisclosureMatrixTests(DatabaseProvider provider) : PlatformTest(provider)
{
    private const string Meeting = "aomori-shinjo-briefing-h30";
    private const string Password = "matrix-staff-password-2026";

    public enum Who
    {
        Anonymous,
        Viewer,
        ClearedWithoutPledge,
        ClearedWithPledge,
    }

    public enum Level
    {
        Public,
        Participants,
        Personal,
        Sensitive,
    }

    private enum Field
    {
        OpinionText,
        OpinionSpeaker,
        OpinionOrganisation,
        CommentText,
        CommentSpeaker,
        CommentRole,
        CommentPosition,
    }

    /// <summary>Who reaches an output: staff outputs need a sign-in; the public version's data is 公開 content
    /// only.</summary>
    private enum Reach
    {
        Staff,
        StaffPublicVersion,
        Everyone,
    }

    private sealed record Output(string Name, string Url, Reach Reach, bool Search, params Field[] Renders);

    private static readonly Field[] All = Enum.GetValues<Field>();

    // Search is for a word every text carries (not a secret: the search page repeats the query).
    private static readonly Output[] Outputs =
    [
        new("record API", $"/aomori/api/meetings/{Meeting}/record", Reach.Staff, false, All),
        new(
            "meeting page",
            $"/aomori/meetings/{Meeting}",
            Reach.Staff,
            false,
            Field.OpinionText,
            Field.OpinionOrganisation,
            Field.CommentText,
            Field.CommentSpeaker,
            Field.CommentPosition
        ),
        new(
            "summary html",
            $"/aomori/api/meetings/{Meeting}/minutes?format=html",
            Reach.Staff,
            false,
            Field.OpinionText,
            Field.OpinionSpeaker,
            Field.OpinionOrganisation,
            Field.CommentText,
            Field.CommentSpeaker,
            Field.CommentPosition
        ),
        new(
            "summary md",
            $"/aomori/api/meetings/{Meeting}/minutes?format=md",
            Reach.Staff,
            false,
            Field.OpinionText,
            Field.CommentText,
            Field.CommentSpeaker,
            Field.CommentPosition
        ),
        new("summary csv", $"/aomori/api/meetings/{Meeting}/minutes?format=csv", Reach.Staff, false, All),
        new("summary xlsx", $"/aomori/api/meetings/{Meeting}/minutes?format=xlsx", Reach.Staff, false, All),
        new("summary ics", $"/aomori/api/meetings/{Meeting}/minutes?format=ics", Reach.Staff, false),
        new(
            "summary docx",
            $"/aomori/api/meetings/{Meeting}/minutes?format=docx",
            Reach.Staff,
            false,
            Field.OpinionText,
            Field.OpinionSpeaker,
            Field.OpinionOrganisation,
            Field.CommentText,
            Field.CommentSpeaker,
            Field.CommentPosition
        ),
        new(
            "public version html",
            $"/aomori/api/meetings/{Meeting}/minutes?format=html&version=public",
            Reach.StaffPublicVersion,
            false,
            Field.OpinionText,
            Field.OpinionSpeaker,
            Field.OpinionOrganisation,
            Field.CommentText,
            Field.CommentSpeaker,
            Field.CommentPosition
        ),
        new(
            "public version docx",
            $"/aomori/api/meetings/{Meeting}/minutes?format=docx&version=public",
            Reach.StaffPublicVersion,
            false,
            Field.OpinionText,
            Field.OpinionSpeaker,
            Field.OpinionOrganisation,
            Field.CommentText,
            Field.CommentSpeaker,
            Field.CommentPosition
        ),
        new(
            "public version csv",
            $"/aomori/api/meetings/{Meeting}/minutes?format=csv&version=public",
            Reach.StaffPublicVersion,
            false,
            All
        ),
        new(
            "public page",
            $"/aomori/public/meetings/{Meeting}",
            Reach.Everyone,
            false,
            Field.OpinionText,
            Field.OpinionSpeaker,
            Field.OpinionOrganisation,
            Field.CommentText,
            Field.CommentSpeaker,
            Field.CommentPosition
        ),
        new("search API", "/aomori/api/search?q=MATRIXWORD", Reach.Staff, true, Field.OpinionText, Field.CommentText),
        new("search page", "/aomori/search?q=MATRIXWORD", Reach.Staff, true, Field.OpinionText, Field.CommentText),
        new("live stream", $"/aomori/api/meetings/{Meeting}/record/events?after=0", Reach.Staff, false, All),
    ];

    /// <summary>
    /// The rule: 公開 to everyone who reaches the output; 関係者限り to signed-in staff (all of them read at least that
    /// level), never in the public version or page; 個人情報 and 要配慮個人情報 only to cleared staff with the meeting's
    /// pledge, and never in the public version, the public page or search.
    /// </summary>
    private static bool MaySee(Reach reach, bool search, Who who, Level level)
    {
        if (reach != Reach.Everyone && who == Who.Anonymous)
            return false;
        if (reach != Reach.Staff)
            return level == Level.Public;
        return level switch
        {
            Level.Public or Level.Participants => true,
            _ => who == Who.ClearedWithPledge && !search,
        };
    }

    private static string Token(Field field, Level level) =>
        $"{field.ToString().ToUpperInvariant()}X{level.ToString().ToUpperInvariant()}";

    [Fact]
    public async Task Each_output_shows_each_audience_exactly_what_the_level_of_each_opinion_and_comment_allows()
    {
        var clients = await AudiencesAsync();
        var pledged = clients[Who.ClearedWithPledge];
        var ids = await RecordAsync(pledged);
        await PublishAsync();

        var failures = new List<string>();
        foreach (var output in Outputs)
        foreach (var (who, client) in clients)
        {
            var text = output.Url.Contains("/events", StringComparison.Ordinal)
                ? await StreamAsync(client, output.Url, ids[(Field.CommentText, Level.Sensitive)])
                : await ReadAsync(client, output.Url);
            failures.AddRange(
                Check(output.Name, output.Reach, output.Search, output.Renders, who, text, Enum.GetValues<Level>())
            );
        }

        // A recording page open on the meeting gets a re-levelled item as a "revised" event, shown by the same rule
        // (個人情報 to 要配慮個人情報: the same readers before and after).
        var since = DateTime.UtcNow.Ticks;
        var open = clients.ToDictionary(
            c => c.Key,
            c => RevisedAsync(c.Value, $"/aomori/api/meetings/{Meeting}/record/events?after=100000&since={since}")
        );
        var relevel = await pledged.PutAsJsonAsync(
            $"/aomori/api/meetings/{Meeting}/privacy/{ids[(Field.CommentText, Level.Personal)]}",
            new { sensitivity = "sensitive" }
        );
        Assert.Equal(HttpStatusCode.OK, relevel.StatusCode);
        foreach (var (who, revised) in open)
            failures.AddRange(
                Check(
                    "live stream (revised)",
                    Reach.Staff,
                    false,
                    [Field.CommentText, Field.CommentSpeaker, Field.CommentRole, Field.CommentPosition],
                    who,
                    await revised,
                    [Level.Personal]
                )
            );

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>What is wrong in one output for one audience: a string the rule hides that is there, or one it shows
    /// that is missing.</summary>
    private static IEnumerable<string> Check(
        string output,
        Reach reach,
        bool search,
        Field[] renders,
        Who who,
        string text,
        Level[] levels
    )
    {
        foreach (var level in levels)
        foreach (var field in All)
        {
            var token = Token(field, level);
            var may = MaySee(reach, search, who, level);
            if (!may && text.Contains(token, StringComparison.Ordinal))
                yield return $"{output}: {who} sees {token}";
            if (may && renders.Contains(field) && !text.Contains(token, StringComparison.Ordinal))
                yield return $"{output}: {who} misses {token}";
        }
    }

    private async Task<Dictionary<Who, HttpClient>> AudiencesAsync()
    {
        var admin = await Platform.ClientForAsync("aomori-admin");
        foreach (var (userName, role) in new[] { ("matrix-unpledged", "viewer"), ("matrix-pledged", "coordinator") })
        {
            var created = await admin.PostAsJsonAsync(
                "/aomori/api/users",
                new
                {
                    userName,
                    displayName = userName,
                    password = Password,
                    grants = new object[]
                    {
                        new
                        {
                            role,
                            districtId = "aomori-shinjo",
                            clearance = "sensitive",
                        },
                        new { role = "viewer" },
                    },
                }
            );
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        return new Dictionary<Who, HttpClient>
        {
            [Who.Anonymous] = Platform.NewClient(),
            [Who.Viewer] = await Platform.ClientForAsync("aomori-viewer"),
            [Who.ClearedWithoutPledge] = await Platform.ClientForAsync("matrix-unpledged", Password),
            [Who.ClearedWithPledge] = await Platform.ClientForAsync("matrix-pledged", Password),
        };
    }

    /// <summary>One opinion and one comment per level, every field a token; the ids by (text field, level).</summary>
    private static async Task<Dictionary<(Field, Level), string>> RecordAsync(HttpClient pledged)
    {
        var api = $"/aomori/api/meetings/{Meeting}";
        var agendaId = (await pledged.GetFromJsonAsync<JsonElement>($"{api}/record"))
            .GetProperty("record")
            .GetProperty("agenda")[0]
            .GetProperty("id")
            .GetString();
        var ids = new Dictionary<(Field, Level), string>();
        foreach (var level in Enum.GetValues<Level>())
        {
            var sensitivity = JsonNamingPolicy.CamelCase.ConvertName(level.ToString());
            object? basis =
                level >= Level.Personal
                    ? new { kind = "ordinance", ordinance = "青森市個人情報保護法施行条例 第5条" }
                    : null;
            var opinion = await pledged.PostAsJsonAsync(
                $"{api}/opinions",
                new
                {
                    agendaItemId = agendaId,
                    text = $"MATRIXWORD {Token(Field.OpinionText, level)}",
                    speaker = Token(Field.OpinionSpeaker, level),
                    organisation = Token(Field.OpinionOrganisation, level),
                    sensitivity,
                    basis,
                }
            );
            ids[(Field.OpinionText, level)] = await IdAsync(opinion, "opinion");
            var comment = await pledged.PostAsJsonAsync(
                $"{api}/comments",
                new
                {
                    text = $"MATRIXWORD {Token(Field.CommentText, level)}",
                    speaker = Token(Field.CommentSpeaker, level),
                    role = Token(Field.CommentRole, level),
                    position = Token(Field.CommentPosition, level),
                    sensitivity,
                    basis,
                }
            );
            ids[(Field.CommentText, level)] = await IdAsync(comment, "comment");
        }
        var pledge = await pledged.PostAsJsonAsync($"{api}/pledges", new { self = true, pledgedOn = "2018-10-26" });
        Assert.Equal(HttpStatusCode.Created, pledge.StatusCode);
        return ids;
    }

    private static async Task<string> IdAsync(HttpResponseMessage created, string kind)
    {
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty(kind).GetProperty("id").GetString()!;
    }

    /// <summary>The coordinator approves the public version as it now is, so that the public page shows it.</summary>
    private async Task PublishAsync()
    {
        var coordinator = await Platform.ClientForAsync("aomori-coordinator");
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await coordinator.PatchAsJsonAsync($"/aomori/api/meetings/{Meeting}", new { minutesPublic = true })
            ).StatusCode
        );
        var hash = (await coordinator.GetFromJsonAsync<JsonElement>($"/aomori/api/meetings/{Meeting}/publication"))
            .GetProperty("currentHash")
            .GetString();
        var published = await coordinator.PostAsJsonAsync(
            $"/aomori/api/meetings/{Meeting}/publication",
            new { reviewedHash = hash }
        );
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
    }

    /// <summary>The body as text, with the files of a zip (xlsx) appended; an answer that is not a success reads as
    /// empty.</summary>
    private static async Task<string> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (!response.IsSuccessStatusCode)
            return "";
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = new StringBuilder(Encoding.UTF8.GetString(bytes));
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
            using (var zip = new ZipArchive(new MemoryStream(bytes)))
                foreach (var entry in zip.Entries)
                    text.Append(new StreamReader(entry.Open(), Encoding.UTF8).ReadToEnd());
        return text.ToString();
    }

    /// <summary>A live stream up to the entry of <paramref name="lastId"/>, which every reader gets (as itself or as a
    /// marker).</summary>
    private static async Task<string> StreamAsync(HttpClient client, string url, string lastId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (!response.IsSuccessStatusCode)
            return "";
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var text = new StringBuilder();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            text.AppendLine(line);
            if (line.Contains(lastId, StringComparison.Ordinal))
                break;
        }
        return text.ToString();
    }

    /// <summary>The data of the next "revised" event of a live stream, or empty for a reader the stream
    /// refuses.</summary>
    private static async Task<string> RevisedAsync(HttpClient client, string url)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (!response.IsSuccessStatusCode)
            return "";
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
            if (line == "event: revised")
                return (await reader.ReadLineAsync(timeout.Token))!;
        return "";
    }
}

public sealed class DisclosureMatrixOnSqliteTests() : DisclosureMatrixTests(DatabaseProvider.Sqlite);

public sealed class DisclosureMatrixOnPostgresTests() : DisclosureMatrixTests(DatabaseProvider.Postgres);
