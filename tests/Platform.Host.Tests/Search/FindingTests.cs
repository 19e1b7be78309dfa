using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.Core.Storage;

namespace Platform.Host.Tests.Search;

/// <summary>
/// Search that knows Japanese names (glyph variants), finds organisations, people and resources, stays in its tenant;
/// lists with filters, paging and an Excel export. Search runs once on SQLite and once on PostgreSQL.
/// </summary>
public abstract class FindingTests(DatabaseProvider provider) : PlatformTest(provider)
{
    private const string Api = "/aomori/api";

    protected async Task<JsonElement> PostAsync(
        string url,
        object body,
        HttpStatusCode expected = HttpStatusCode.Created
    )
    {
        var answer = await Client.PostAsJsonAsync(url, body);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == expected, $"POST {url} answered {(int)answer.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<string> NewBodyAsync() => (
            await PostAsync(
                $"{Api}/bodies",
                new
                {
                    name = "筒井地区 検索会議",
                    tier = 2,
                    territory = "district",
                    districtId = "aomori-tsutsui",
                }
            )
        ).GetProperty("id").GetString()!;

    private async Task<string> NewMeetingAsync(string bodyId, string date, string title) => (
            await PostAsync(
                $"{Api}/meetings",
                new
                {
                    bodyId,
                    title,
                    date,
                    slots = new[] { new { start = "10:00", end = "12:00" } },
                }
            )
        ).GetProperty("id").GetString()!;

    private async Task<List<JsonElement>> SearchAsync(string tenant, string q) =>
        (await JsonAsync($"/{tenant}/api/search?q={Uri.EscapeDataString(q)}")).EnumerateArray().ToList();

    [Fact]
    public async Task A_speaker_is_found_by_a_glyph_variant_of_the_name_and_a_different_name_is_not()
    {
        var meeting = await NewMeetingAsync(await NewBodyAsync(), "2025-04-01", "異体字の会");
        var theme = (await PostAsync($"{Api}/meetings/{meeting}/agenda", new { title = "見守り" }))
            .GetProperty("agendaItem")
            .GetProperty("id")
            .GetString();
        await PostAsync(
            $"{Api}/meetings/{meeting}/opinions",
            new
            {
                agendaItemId = theme,
                text = "朝のラジオ体操を続けたい",
                speaker = "渡邊 花子",
            }
        );

        foreach (var q in new[] { "渡辺", "渡邉", "渡邊", "渡辺 ラジオ" })
            Assert.Contains(
                await SearchAsync("aomori", q),
                h => h.GetProperty("type").GetString() == "opinion" && h.GetProperty("meetingId").GetString() == meeting
            );
        Assert.DoesNotContain(
            await SearchAsync("aomori", "渡部"),
            h => h.GetProperty("meetingId").GetString() == meeting
        );
        Assert.Empty(await SearchAsync("miyagi", "渡辺 ラジオ"));

        var page = await Client.GetStringAsync("/aomori/search?q=%E6%B8%A1%E8%BE%BA");
        Assert.Contains($"/aomori/meetings/{meeting}", page);
        Assert.Contains("令和７年４月１日（火）", page);
        Assert.DoesNotContain("2025-04-01", page);
    }

    [Fact]
    public async Task Organisations_people_and_resources_are_found_with_their_paths_in_their_tenant_only()
    {
        var organisation = (
            await PostAsync(
                $"{Api}/organisations",
                new
                {
                    name = "髙田町内会",
                    typeId = "other",
                    districtId = "aomori-tsutsui",
                }
            )
        ).GetProperty("id").GetString();
        var person = (await PostAsync($"{Api}/people", new { name = "齋藤 一郎" })).GetProperty("id").GetString();
        var resource = (
            await PostAsync(
                $"{Api}/resources",
                new
                {
                    name = "﨑山サロン",
                    categoryId = "salon",
                    districtId = "aomori-tsutsui",
                    contact = "090-1111-2222",
                    contactConsent = false,
                }
            )
        ).GetProperty("id").GetString();

        var byOrganisation = Assert.Single(
            await SearchAsync("aomori", "高田町内会"),
            h => h.GetProperty("type").GetString() == "organisation"
        );
        Assert.Equal(organisation, byOrganisation.GetProperty("id").GetString());
        Assert.Contains(organisation!, byOrganisation.GetProperty("path").GetString());
        var byPerson = Assert.Single(
            await SearchAsync("aomori", "斉藤"),
            h => h.GetProperty("type").GetString() == "person" && h.GetProperty("id").GetString() == person
        );
        Assert.Equal($"people/{person}", byPerson.GetProperty("path").GetString());
        var byResource = Assert.Single(
            await SearchAsync("aomori", "崎山"),
            h => h.GetProperty("type").GetString() == "resource"
        );
        Assert.Equal(resource, byResource.GetProperty("id").GetString());
        // The contact is personal information: it is neither searched nor shown.
        Assert.Empty(await SearchAsync("aomori", "090-1111"));
        Assert.DoesNotContain("090-1111", await Client.GetStringAsync("/aomori/search?q=%E5%B4%8E%E5%B1%B1"));

        foreach (var q in new[] { "高田町内会", "斉藤 一郎", "崎山" })
            Assert.Empty(await SearchAsync("miyagi", q));

        // Where the module is switched off in the resource's district, its hit goes.
        await Client.DeleteAsync($"{Api}/districts/aomori-tsutsui/modules/Platform.Resources");
        Assert.DoesNotContain(
            await SearchAsync("aomori", "崎山"),
            h => h.GetProperty("type").GetString() == "resource"
        );
    }
}

public sealed class FindingOnSqliteTests() : FindingTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task The_meetings_list_pages_by_50_keeps_its_filters_in_the_links_and_exports_the_same_rows()
    {
        var body = (
            await PostAsync(
                "/aomori/api/bodies",
                new
                {
                    name = "頁送り会議",
                    tier = 2,
                    territory = "district",
                    districtId = "aomori-tsutsui",
                }
            )
        ).GetProperty("id").GetString()!;
        var start = new DateOnly(2030, 4, 1);
        for (var i = 0; i < 52; i++)
            await PostAsync(
                "/aomori/api/meetings",
                new
                {
                    bodyId = body,
                    title = $"頁送り{i:D2}",
                    date = start.AddDays(i).ToString("yyyy-MM-dd"),
                }
            );

        var first = await Client.GetStringAsync($"/aomori/meetings?fiscalYear=2030&bodyId={body}");
        Assert.Contains("全52件中 1〜50件", first);
        Assert.Contains($"/aomori/meetings?fiscalYear=2030&amp;bodyId={body}&amp;page=2", first);
        Assert.DoesNotContain("「前へ」", first);
        var second = await Client.GetStringAsync(
            $"/aomori/meetings?fiscalYear=%EF%BC%92%EF%BC%90%EF%BC%93%EF%BC%90&bodyId={body}&page=2"
        );
        Assert.Contains("全52件中 51〜52件", second);
        Assert.Contains("「前へ」", second);
        Assert.Contains("頁送り00", second);
        Assert.DoesNotContain("頁送り51", second);

        var export = await Client.GetAsync($"/aomori/meetings/export.xlsx?fiscalYear=2030&bodyId={body}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            export.Content.Headers.ContentType!.MediaType
        );
        Assert.Contains(
            "filename*=UTF-8''%E4%BC%9A%E8%AD%B0%E4%B8%80%E8%A6%A7",
            export.Content.Headers.GetValues("Content-Disposition").Single()
        );
        var rows = Read(await export.Content.ReadAsByteArrayAsync(), out var dateFormat);
        Assert.Equal(["開催日", "年度", "会議名", "協議体", "地区", "種類", "状態", "会場", "出席者数"], rows[0]);
        Assert.Equal(53, rows.Count);
        // Newest first, as the page; the date a real Excel date shown in 和暦.
        Assert.Equal("頁送り51", rows[1][2]);
        Assert.Equal(start.AddDays(51).ToDateTime(TimeOnly.MinValue).ToOADate().ToString(), rows[1][0]);
        Assert.Contains("ggge", dateFormat);
        Assert.Equal("令和12年度", rows[1][1]);
    }

    [Fact]
    public async Task Lists_filter_by_their_query_parameters_and_exports_leave_out_the_contact()
    {
        await PostAsync(
            "/aomori/api/resources",
            new
            {
                name = "出力テストの会",
                categoryId = "salon",
                districtId = "aomori-tsutsui",
                contact = "090-3333-4444",
                contactConsent = true,
                publishContact = true,
                status = "published",
            }
        );
        var published = await Client.GetStringAsync("/aomori/resources?status=published&districtId=aomori-tsutsui");
        Assert.Contains("出力テストの会", published);
        Assert.DoesNotContain("出力テストの会", await Client.GetStringAsync("/aomori/resources?status=ended"));
        var rows = Read(
            await Client.GetByteArrayAsync("/aomori/resources/export.xlsx?status=published&districtId=aomori-tsutsui"),
            out _
        );
        Assert.Contains(rows, r => r.Contains("出力テストの会"));
        Assert.DoesNotContain(rows, r => r.Any(c => c.Contains("090-3333")));
        Assert.DoesNotContain(
            Read(await Client.GetByteArrayAsync("/aomori/resources/export.xlsx?districtId=aomori-ono"), out _),
            r => r.Contains("出力テストの会")
        );

        await PostAsync("/aomori/api/people", new { name = "役割 太郎", roles = new[] { new { role = "advisor" } } });
        Assert.Contains("役割 太郎", await Client.GetStringAsync("/aomori/people?role=advisor"));
        Assert.DoesNotContain("役割 太郎", await Client.GetStringAsync("/aomori/people?role=supportPromoter"));
    }

    /// <summary>The first sheet's rows as text (numbers as stored), and the number format of dates.</summary>
    internal static List<string[]> Read(byte[] xlsx, out string dateFormat)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        dateFormat = workbook
            .WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single()
            .FormatCode!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        return sheet
            .Descendants<Row>()
            .Select(r =>
            {
                var cells = r.Elements<Cell>().ToList();
                var width = cells.Count == 0 ? 0 : cells.Max(c => Index(c.CellReference!)) + 1;
                var values = Enumerable.Repeat("", width).ToArray();
                foreach (var c in cells)
                    values[Index(c.CellReference!)] = c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
                return values;
            })
            .ToList();
    }

    private static int Index(string reference)
    {
        var n = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
            n = n * 26 + (c - 'A' + 1);
        return n - 1;
    }
}

public sealed class FindingOnPostgresTests() : FindingTests(DatabaseProvider.Postgres);

/// <summary>Lists and exports read with filters they cannot read: only reads, on one host for the class.</summary>
public sealed class ListFilterTests(SharedPlatform shared) : SharedPlatformTest(shared, DatabaseProvider.Sqlite)
{
    [Theory]
    [InlineData("/aomori/meetings?page=abc", "ページ番号「abc」")]
    [InlineData("/aomori/meetings?fiscalYear=%E3%81%82&status=9", "年度「あ」")]
    [InlineData("/aomori/meetings?status=nope", "状態「nope」")]
    [InlineData("/aomori/bodies?page=-3", "ページ番号「-3」")]
    [InlineData("/aomori/people?role=king&page=99999999999", "役割「king」")]
    [InlineData("/aomori/resources?status=lost", "状態「lost」")]
    [InlineData("/aomori/dashboard?status=%00", "状況")]
    public async Task A_filter_or_page_that_cannot_be_read_is_ignored_with_a_message(string url, string message)
    {
        var answer = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await answer.Content.ReadAsStringAsync();
        Assert.Contains(message, page);
        Assert.Contains("全", page);
    }

    [Theory]
    [InlineData("/aomori/meetings/export.xlsx?page=x&status=bad&fiscalYear=%E3%81%82", "会議名")]
    [InlineData("/aomori/bodies/export.xlsx?districtId=aomori-tsutsui", "開催目安（年度）")]
    [InlineData("/aomori/people/export.xlsx?role=supportPromoter", "役割")]
    [InlineData("/aomori/resources/export.xlsx?status=published", "最終確認")]
    [InlineData("/aomori/dashboard/export.xlsx?status=overdue", "概要未確定の会議")]
    public async Task Every_list_exports_a_workbook_that_opens(string url, string heading)
    {
        var answer = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("filename*=UTF-8''", answer.Content.Headers.GetValues("Content-Disposition").Single());
        var rows = FindingOnSqliteTests.Read(await answer.Content.ReadAsByteArrayAsync(), out _);
        Assert.Contains(heading, rows[0]);
    }
}
