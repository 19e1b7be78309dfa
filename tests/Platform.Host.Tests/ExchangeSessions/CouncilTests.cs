using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Miyagi.ExchangeSessions.Summaries;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.ExchangeSessions;

/// <summary>One host for the class: the demo tenant miyagi as the seed made it.</summary>
public sealed class CouncilHost : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;

    public TestPlatform Platform { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Platform = await TestPlatform.StartAsync(Database);
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>
/// The 連絡会議 and its people (issue 20, items 5–7), checked against the seed text: the advisors and members of both
/// sessions are members of the council with their organisations and titles as the seed gives them, a person named at
/// two sessions (西塚) or imported twice is one person, the 概要 lists advisors and their comments apart from the
/// members', and a comment becomes an action item with an owner, by form and by API.
/// </summary>
public sealed partial class CouncilTests(CouncilHost host) : IClassFixture<CouncilHost>
{
    private const string CouncilName = "宮城県地域支え合い・生活支援推進連絡会議";

    private HttpClient Client => host.Platform.Client;

    private async Task<JsonElement> JsonAsync(string url) => await Client.GetFromJsonAsync<JsonElement>(url);

    private static string Spaces(string text) => ManySpaces().Replace(text, " ").Trim();

    private async Task<JsonElement> CouncilAsync() =>
        (await JsonAsync("/miyagi/api/bodies"))
            .EnumerateArray()
            .Single(b => b.GetProperty("name").GetString() == CouncilName);

    private async Task<Dictionary<string, JsonElement>> PeopleAsync() =>
        (await JsonAsync("/miyagi/api/people")).EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);

    private async Task<Dictionary<string, string>> OrganisationsAsync() =>
        (await JsonAsync("/miyagi/api/organisations"))
            .EnumerateArray()
            .ToDictionary(o => o.GetProperty("id").GetString()!, o => o.GetProperty("name").GetString()!);

    private async Task<string> RoundIdAsync() =>
        (await JsonAsync("/miyagi/api/exchange-rounds"))
            .EnumerateArray()
            .First(r => r.GetProperty("title").GetString()!.Contains("第２回"))
            .GetProperty("id")
            .GetString()!;

    [Fact]
    public async Task The_council_of_the_demo_has_the_advisors_and_members_of_both_sessions_as_the_seed_gives_them()
    {
        var seed = SeedDocument.Text;
        var (document, _) = ExchangeSummaryParser.Parse(seed, SeedDocument.Positions);
        var named = document
            .Sessions.SelectMany(s => s.Advisors.Concat(s.LiaisonMembers))
            .DistinctBy(p => p.Name)
            .ToList();
        Assert.Equal(9, named.Count); // 3 at 県北部, 4 + 3 at 仙台, 西塚 at both
        Assert.Contains(CouncilName, seed);

        var council = await CouncilAsync();
        var people = await PeopleAsync();
        var organisations = await OrganisationsAsync();
        var members = council.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(named.Count, members.Count);
        foreach (var p in named)
        {
            var member = Assert.Single(
                members,
                m => people[m.GetProperty("personId").GetString()!].GetProperty("name").GetString() == p.Name
            );
            var person = people[member.GetProperty("personId").GetString()!];
            // Name, organisation and title as the seed writes them (its runs of spaces aside), and nothing else.
            Assert.Contains(p.Name, seed);
            var organisation = organisations[member.GetProperty("organisationId").GetString()!];
            Assert.Equal(p.Organisation, organisation);
            Assert.Contains(organisation, Spaces(seed));
            Assert.Equal(p.Title, member.GetProperty("title").GetString());
            Assert.Equal(p.Title, person.GetProperty("title").GetString());
            if (p.Title is not null)
                Assert.Contains(p.Title, seed);
            Assert.Equal(
                p.Kind == ParticipantKind.Advisor ? "アドバイザー（運営委員）" : "連絡会議会員",
                member.GetProperty("role").GetString()
            );
        }
        // The seed's 大坂 純 (委員長) is the person the import found, not a second one.
        Assert.Single(people.Values, p => p.GetProperty("name").GetString() == "大坂 純");
        Assert.Contains(members, m => m.GetProperty("personId").GetString() == "miyagi-advisor-osaka");
        Assert.Equal(
            "東北こども福祉専門学院",
            organisations[people["miyagi-advisor-osaka"].GetProperty("organisationId").GetString()!]
        );

        // 西塚 spoke at both sessions: one person, one speaker with both remarks, one row across the round.
        var nishizuka = Assert.Single(people.Values, p => p.GetProperty("name").GetString() == "西塚 国彦");
        var id = nishizuka.GetProperty("id").GetString()!;
        var speaker = (await JsonAsync("/miyagi/api/exchange-speakers"))
            .EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "西塚 国彦");
        Assert.Equal(id, speaker.GetProperty("personId").GetString());
        var rounds = (await JsonAsync("/miyagi/api/exchange-rounds")).GetArrayLength();
        Assert.Equal(2 * rounds, speaker.GetProperty("remarks").GetArrayLength());
        var page = await Client.GetStringAsync($"/miyagi/exchange-sessions/{await RoundIdAsync()}");
        Assert.Single(PersonRows().Matches(page), m => m.Groups[1].Value == id);
        Assert.Contains(
            $"href=\"/miyagi/people/{id}\"",
            await Client.GetStringAsync("/miyagi/exchange-sessions/speakers")
        );
    }

    [Fact]
    public async Task A_person_imported_again_is_one_person_and_a_changed_title_changes_the_membership()
    {
        var before = await PeopleAsync();
        // The same round once more, with 鈴木's title changed: no second 鈴木, the membership and person follow.
        var changed = SeedDocument
            .Text.Replace("所長 鈴木 守幸", "副所長 鈴木 守幸")
            .Replace("令和元年度第２回", "令和元年度第３回");
        var answer = await Client.PostAsync(
            "/miyagi/api/imports/exchange-summary",
            new StringContent(changed, Encoding.UTF8, "text/plain")
        );
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var after = await PeopleAsync();
        Assert.Equal(before.Count, after.Count);
        var suzuki = Assert.Single(after.Values, p => p.GetProperty("name").GetString() == "鈴木 守幸");
        Assert.Equal("副所長", suzuki.GetProperty("title").GetString());
        var council = await CouncilAsync();
        var members = council.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(9, members.Count);
        var membership = Assert.Single(
            members,
            m => m.GetProperty("personId").GetString() == suzuki.GetProperty("id").GetString()
        );
        Assert.Equal("副所長", membership.GetProperty("title").GetString());
        // Both rounds name the same people.
        var speakers = (await JsonAsync("/miyagi/api/exchange-speakers")).EnumerateArray().ToList();
        var nishizuka = speakers.Single(s => s.GetProperty("name").GetString() == "西塚 国彦");
        Assert.Equal(4, nishizuka.GetProperty("remarks").GetArrayLength());

        // The seed's round imported again in its place: still the same people, and the title as the seed gives it.
        var replaced = await Client.PostAsync(
            "/miyagi/api/imports/exchange-summary?replace=true",
            new StringContent(SeedDocument.Text, Encoding.UTF8, "text/plain")
        );
        Assert.Equal(HttpStatusCode.Created, replaced.StatusCode);
        Assert.Equal(before.Count, (await PeopleAsync()).Count);
        suzuki = (await PeopleAsync())[suzuki.GetProperty("id").GetString()!];
        Assert.Equal("所長", suzuki.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_summary_lists_advisors_and_their_comments_apart_from_the_members_in_every_format()
    {
        var round = await JsonAsync($"/miyagi/api/exchange-rounds/{await RoundIdAsync()}");
        var sendai = round.GetProperty("sessions")[1].GetProperty("meetingId").GetString()!;
        var html = await Client.GetStringAsync($"/miyagi/api/meetings/{sendai}/minutes?format=html");
        var advisors = Section(html, "data-testid=\"advisors\"", "</tr>");
        Assert.Contains("東北福祉大学 教授 高橋 誠一", advisors);
        Assert.DoesNotContain("篠塚", advisors);
        Assert.Contains(
            "仙台弁護士会 高齢者・障害者の権利に関する委員会 篠塚 功照",
            Section(html, "data-testid=\"members\"", "</tr>")
        );
        var advisorComments = Section(html, "data-testid=\"advisor-comments\"", "</section>");
        var memberComments = Section(html, "data-testid=\"member-comments\"", "</section>");
        Assert.Contains("アドバイザー等よりコメント", advisorComments);
        Assert.Contains("浦戸地区", advisorComments);
        Assert.DoesNotContain("篠塚", advisorComments);
        Assert.Contains("連絡会議会員よりコメント", memberComments);
        Assert.Contains("＜篠塚 功照", memberComments);
        Assert.Contains("老人クラブは地域で支え合い", memberComments);

        var md = await Client.GetStringAsync($"/miyagi/api/meetings/{sendai}/minutes?format=md");
        var advisorsAt = md.IndexOf("## アドバイザー等よりコメント", StringComparison.Ordinal);
        var membersAt = md.IndexOf("## 連絡会議会員よりコメント", StringComparison.Ordinal);
        Assert.True(advisorsAt > 0 && membersAt > advisorsAt, md);
        Assert.DoesNotContain("篠塚", md[advisorsAt..membersAt]);
        Assert.Contains("    - 一万人市民委員会宮城県民の会 専務理事 仲野 紀夫", md);

        var csv = Encoding.UTF8.GetString(
            await Client.GetByteArrayAsync($"/miyagi/api/meetings/{sendai}/minutes?format=csv")
        );
        var lines = csv.Split("\r\n");
        var lastAdvisor = Array.FindLastIndex(
            lines,
            l => l.Contains("アドバイザー（運営委員）") && !l.Contains("全体講評")
        );
        var firstMember = Array.FindIndex(lines, l => l.Contains("連絡会議会員"));
        // The advisors' comments, then the members', then the review (全体講評), as in the other formats.
        Assert.True(lastAdvisor > 0 && firstMember > lastAdvisor, csv);
    }

    [Fact]
    public async Task A_comment_becomes_an_action_item_with_an_owner_by_form_and_by_api()
    {
        var roundId = await RoundIdAsync();
        var round = await JsonAsync($"/miyagi/api/exchange-rounds/{roundId}");
        var sendai = round.GetProperty("sessions")[1].GetProperty("meetingId").GetString()!;
        var page = await Client.GetStringAsync($"/miyagi/exchange-sessions/{roundId}");
        // The comment of 西塚 that suggests 浦戸 and 大島 exchange: its form's hidden comment id.
        var commentId = CommentIds()
            .Matches(page)
            .Select(m => m.Groups[1].Value)
            .Single(id => Section(page, $"id=\"comment-{id}\"", "</li>").Contains("浦戸地区"));

        var refused = await Client.PostAsync(
            $"/miyagi/exchange-sessions/{roundId}/actions",
            new FormUrlEncodedContent([new("commentId", commentId), new("title", ""), new("owner", "council")])
        );
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"title-{commentId}-error\"", again);
        Assert.Contains("対応事項を400文字以内で入力してください。", again);

        var made = await Client.PostAsync(
            $"/miyagi/exchange-sessions/{roundId}/actions",
            new FormUrlEncodedContent([
                new("commentId", commentId),
                new("title", "似た地域間（浦戸地区と大島地区）の情報交換会を検討する"),
                new("owner", "council"),
            ])
        );
        Assert.True(made.IsSuccessStatusCode || made.StatusCode == HttpStatusCode.Redirect, made.StatusCode.ToString());
        var shown = await Client.GetStringAsync($"/miyagi/exchange-sessions/{roundId}");
        Assert.Contains(
            "対応事項：似た地域間（浦戸地区と大島地区）の情報交換会を検討する［担当：" + CouncilName + "］",
            shown
        );
        var organisations = await OrganisationsAsync();
        var actions = (await JsonAsync("/miyagi/api/actions")).EnumerateArray().ToList();
        var action = Assert.Single(actions, a => a.GetProperty("commentId").GetString() == commentId);
        Assert.Equal(sendai, action.GetProperty("meetingId").GetString());
        Assert.Equal(CouncilName, organisations[action.GetProperty("ownerOrganisationId").GetString()!]);
        Assert.Equal("open", action.GetProperty("status").GetString()!.ToLowerInvariant());

        // By API: the core's route takes the comment, and an owner that is a municipality of the round.
        var municipality =
            organisations.Count(o => o.Value == "塩竈市") == 0
                ? (
                    await (
                        await Client.PostAsJsonAsync(
                            "/miyagi/api/organisations",
                            new { name = "塩竈市", typeId = "government" }
                        )
                    ).Content.ReadFromJsonAsync<JsonElement>()
                )
                    .GetProperty("id")
                    .GetString()!
                : organisations.First(o => o.Value == "塩竈市").Key;
        var byApi = await Client.PostAsJsonAsync(
            $"/miyagi/api/meetings/{sendai}/actions",
            new
            {
                title = "浦戸地区と大島地区の交流の場を相談する",
                commentId,
                ownerOrganisationId = municipality,
            }
        );
        Assert.Equal(HttpStatusCode.Created, byApi.StatusCode);
        Assert.Equal(
            commentId,
            (await byApi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commentId").GetString()
        );
        var unknown = await Client.PostAsJsonAsync(
            $"/miyagi/api/meetings/{sendai}/actions",
            new { title = "x", commentId = "no-such-comment" }
        );
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("comment.not_found", await unknown.Content.ReadAsStringAsync());
    }

    private static string Section(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{start} not found");
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return text[from..(to < 0 ? text.Length : to)];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex ManySpaces();

    [GeneratedRegex("<tr data-person=\"([^\"]+)\"")]
    private static partial Regex PersonRows();

    [GeneratedRegex("name=\"commentId\" value=\"([^\"]+)\"")]
    private static partial Regex CommentIds();
}
