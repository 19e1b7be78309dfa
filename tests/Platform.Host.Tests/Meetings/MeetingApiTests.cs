using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Host.Tests.Meetings;

/// <summary>The API of bodies, meetings, records, minutes and cadence, run once on SQLite and once on
/// PostgreSQL.</summary>
public abstract class MeetingApiTests(DatabaseProvider provider) : PlatformTest(provider)
{
    protected const string Api = "/aomori/api";

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

    protected async Task<string> NewBodyAsync(string district = "aomori-tsutsui", object? cadence = null) => (
            await PostAsync(
                $"{Api}/bodies",
                new
                {
                    name = "筒井地区 地域支え合い会議",
                    tier = 2,
                    territory = "district",
                    districtId = district,
                    cadence = cadence
                        ?? new
                        {
                            atLeast = 3,
                            atMost = 4,
                            meetEvenWithoutCase = true,
                        },
                }
            )
        ).GetProperty("id").GetString()!;

    protected async Task<string> NewMeetingAsync(string bodyId, string date, string title = "第1回") => (
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

    protected async Task<string> NewThemeAsync(string meetingId, string title) =>
        (await PostAsync($"{Api}/meetings/{meetingId}/agenda", new { title }))
            .GetProperty("agendaItem")
            .GetProperty("id")
            .GetString()!;

    [Fact]
    public async Task Organisations_and_people_are_corrected_and_a_role_ended_and_bad_input_changes_nothing()
    {
        var club = (
            await PostAsync(
                $"{Api}/organisations",
                new
                {
                    name = "筒井老人クラブ",
                    typeId = "other",
                    districtId = "aomori-tsutsui",
                }
            )
        ).GetProperty("id").GetString();
        var renamed = await Client.PatchAsJsonAsync(
            $"{Api}/organisations/{club}",
            new
            {
                name = "　筒井地区老人クラブ連合会　",
                typeId = "other",
                districtId = "aomori-tsutsui",
            }
        );
        Assert.Equal(
            "筒井地区老人クラブ連合会",
            (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString()
        );
        var refused = await Client.PatchAsJsonAsync(
            $"{Api}/organisations/{club}",
            new
            {
                name = "",
                typeId = "no-such-type",
                districtId = "miyagi-north",
            }
        );
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(
            ["districtId", "name", "typeId"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order()
        );
        Assert.Equal(
            "筒井地区老人クラブ連合会",
            (await JsonAsync($"{Api}/organisations/{club}")).GetProperty("name").GetString()
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await Client.PatchAsJsonAsync($"/miyagi/api/organisations/{club}", new { name = "乗っ取り" })).StatusCode
        );

        // A role names a body of the tenant's own.
        var miyagiBody = (
            await PostAsync(
                "/miyagi/api/bodies",
                new
                {
                    name = "宮城県 協議体",
                    tier = 1,
                    territory = "tenant",
                }
            )
        ).GetProperty("id").GetString();
        var foreign = await PostAsync(
            $"{Api}/people",
            new { name = "佐藤 花子", roles = new[] { new { role = "supportPromoter", bodyId = miyagiBody } } },
            HttpStatusCode.BadRequest
        );
        Assert.Equal("body.not_found", foreign.GetProperty("fieldCodes").GetProperty("roles[0].bodyId").GetString());
        var sato = await PostAsync(
            $"{Api}/people",
            new { name = "佐藤 花子", roles = new[] { new { role = "supportPromoter", since = "令和２年４月１日" } } }
        );
        var id = sato.GetProperty("id").GetString();
        var roleId = sato.GetProperty("roles")[0].GetProperty("id").GetString();

        var corrected = await Client.PatchAsJsonAsync(
            $"{Api}/people/{id}",
            new
            {
                name = "佐藤 華子",
                reading = "さとうはなこ",
                title = "会長",
                organisationId = club,
            }
        );
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(
            "person.period_reversed",
            await (
                await Client.PatchAsJsonAsync($"{Api}/people/{id}/roles/{roleId}", new { until = "平成31年1月1日" })
            ).ProblemCodeAsync()
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await Client.PatchAsJsonAsync($"{Api}/people/{id}/roles/{roleId}", new { until = "令和3年3月31日" })
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await Client.PatchAsJsonAsync($"{Api}/people/{id}/roles/no-such-role", new { until = "令和3年3月31日" })
            ).StatusCode
        );

        var person = await JsonAsync($"{Api}/people/{id}");
        Assert.Equal("佐藤 華子", person.GetProperty("name").GetString());
        Assert.Equal(club, person.GetProperty("organisationId").GetString());
        var role = person.GetProperty("roles").EnumerateArray().Single();
        Assert.Equal("2020-04-01", role.GetProperty("since").GetString());
        Assert.Equal("2021-03-31", role.GetProperty("until").GetString());
    }

    [Fact]
    public async Task A_meeting_keeps_two_slots_its_convening_scope_and_a_stated_total_that_does_not_add_up()
    {
        var bank = (
            await PostAsync(
                $"{Api}/organisations",
                new
                {
                    name = "筒井郵便局",
                    typeId = "post-office",
                    districtId = "aomori-tsutsui",
                }
            )
        ).GetProperty("id").GetString();
        var swc = (
            await PostAsync(
                $"{Api}/organisations",
                new
                {
                    name = "筒井地区社会福祉協議会",
                    typeId = "district-swc",
                    districtId = "aomori-tsutsui",
                }
            )
        ).GetProperty("id").GetString();
        var body = (
            await PostAsync(
                $"{Api}/bodies",
                new
                {
                    name = "筒井地区 地域支え合い会議",
                    tier = 2,
                    territory = "district",
                    districtId = "aomori-tsutsui",
                    hostOrganisationId = swc,
                    defaultScope = new[] { swc },
                    charter = new { why = "課題を抱える方を発見するため", when = "年３〜４回" },
                }
            )
        ).GetProperty("id").GetString();

        var meeting = await PostAsync(
            $"{Api}/meetings",
            new
            {
                bodyId = body,
                kind = "exchange-session",
                title = "情報交換会",
                date = "令和元年１１月１９日",
                slots = new[] { new { start = "１３：３０", end = "15:30" }, new { start = "10:00", end = "12:00" } },
                venue = "ホテルサンシャイン佐沼",
                room = "鳳凰の間",
                convening = new[]
                {
                    new
                    {
                        organisationId = bank,
                        added = true,
                        reason = "配達時の見守り",
                    },
                },
                attendance = new
                {
                    counts = new[] { new { name = "気仙沼市", count = 19 }, new { name = "登米市", count = 14 } },
                    statedTotal = 70,
                    observers = 2,
                },
                isPublic = true,
            }
        );

        Assert.Equal("2019-11-19", meeting.GetProperty("date").GetString());
        Assert.Equal("令和元年１１月１９日（火）", meeting.GetProperty("dateJapanese").GetString());
        Assert.Equal("令和元年度", meeting.GetProperty("fiscalYearName").GetString());
        Assert.Equal(
            ["10:00", "13:30"],
            meeting.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString())
        );
        Assert.Equal(
            ["default", "added"],
            meeting.GetProperty("convened").EnumerateArray().Select(c => c.GetProperty("source").GetString())
        );
        Assert.Equal(70, meeting.GetProperty("attendance").GetProperty("statedTotal").GetInt32());
        Assert.Equal(33, meeting.GetProperty("countedTotal").GetInt32());
        Assert.Equal(
            "meeting.attendance_total_mismatch",
            meeting.GetProperty("warnings")[0].GetProperty("code").GetString()
        );

        var id = meeting.GetProperty("id").GetString();
        Assert.Single((await JsonAsync($"{Api}/meetings?bodyId={body}")).EnumerateArray());
        Assert.Single(
            (
                await JsonAsync($"{Api}/meetings?districtId=aomori-tsutsui&from=2019-04-01&to=2020-03-31")
            ).EnumerateArray()
        );
        Assert.Empty((await JsonAsync($"{Api}/meetings?districtId=aomori-tsutsui&from=2019-11-20")).EnumerateArray());
        Assert.Equal("情報交換会", (await JsonAsync($"{Api}/meetings/{id}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Times_are_read_as_people_write_them_and_a_refused_one_names_its_box()
    {
        var body = await NewBodyAsync();
        var meeting = await PostAsync(
            $"{Api}/meetings",
            new
            {
                bodyId = body,
                date = "令和元年11月19日",
                slots = new[] { new { start = "１０：００", end = "12時" }, new { start = "13時30分", end = "15:00" } },
            }
        );
        Assert.Equal(
            ["10:00-12:00", "13:30-15:00"],
            meeting
                .GetProperty("slots")
                .EnumerateArray()
                .Select(s => $"{s.GetProperty("start").GetString()}-{s.GetProperty("end").GetString()}")
        );

        var refused = await Client.PostAsJsonAsync(
            $"{Api}/meetings",
            new
            {
                bodyId = body,
                date = "2019-11-19",
                slots = new[] { new { start = "10:00", end = "12:00" }, new { start = "13時半ごろ", end = "15:00" } },
            }
        );
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("meeting.invalid_time", problem.GetProperty("fieldCodes").GetProperty("slots[1]").GetString());
        Assert.Equal(
            "時間2の開始時刻「13時半ごろ」を時刻として読めません。「13:30」「13時30分」の形で入力してください。",
            problem.GetProperty("errors").GetProperty("slots[1]")[0].GetString()
        );
    }

    [Fact]
    public async Task Bad_input_is_refused_with_stable_codes_and_writes_nothing()
    {
        var body = await NewBodyAsync();
        async Task<(HttpStatusCode, JsonElement)> Post(string url, object json)
        {
            var answer = await Client.PostAsJsonAsync(url, json);
            return (answer.StatusCode, await answer.Content.ReadFromJsonAsync<JsonElement>());
        }

        var (s1, impossible) = await Post($"{Api}/meetings", new { bodyId = body, date = "2019-02-30" });
        var (_, reversed) = await Post(
            $"{Api}/meetings",
            new
            {
                bodyId = body,
                date = "2019-11-19",
                slots = new[] { new { start = "12:00", end = "10:00" } },
            }
        );
        var (_, negative) = await Post(
            $"{Api}/meetings",
            new
            {
                bodyId = body,
                date = "2019-11-19",
                attendance = new { counts = new[] { new { name = "登米市", count = -1 } } },
            }
        );
        var (_, several) = await Post(
            $"{Api}/meetings",
            new
            {
                bodyId = body,
                date = "2019-02-30",
                slots = new[] { new { start = "12:00", end = "10:00" } },
            }
        );

        Assert.Equal(HttpStatusCode.BadRequest, s1);
        Assert.Equal("meeting.invalid_date", impossible.GetProperty("code").GetString());
        Assert.Contains("2019-02-30", impossible.GetProperty("errors").GetProperty("date")[0].GetString());
        Assert.Equal("meeting.slot_end_before_start", reversed.GetProperty("code").GetString());
        Assert.Equal("meeting.negative_head_count", negative.GetProperty("code").GetString());
        Assert.Equal("validation.failed", several.GetProperty("code").GetString());
        Assert.Equal("meeting.invalid_date", several.GetProperty("fieldCodes").GetProperty("date").GetString());
        Assert.Equal(
            "meeting.slot_end_before_start",
            several.GetProperty("fieldCodes").GetProperty("slots[0]").GetString()
        );
        Assert.Empty((await JsonAsync($"{Api}/meetings?bodyId={body}")).EnumerateArray());

        var meeting = await NewMeetingAsync(body, "2019-11-19");
        var theme = await NewThemeAsync(meeting, "庁舎内連携");
        var (_, empty) = await Post($"{Api}/meetings/{meeting}/opinions", new { agendaItemId = theme, text = "　" });
        var (_, tooLong) = await Post(
            $"{Api}/meetings/{meeting}/opinions",
            new { agendaItemId = theme, text = new string('あ', 5000) }
        );
        var huge = await Client.PostAsync(
            $"{Api}/meetings/{meeting}/opinions",
            new StringContent(
                JsonSerializer.Serialize(new { agendaItemId = theme, text = new string('あ', 10 * 1024 * 1024 / 3) }),
                Encoding.UTF8,
                "application/json"
            )
        );
        var miyagi = await Client.PostAsJsonAsync($"/miyagi/api/meetings/{meeting}/agenda", new { title = "越境" });

        Assert.Equal("opinion.empty", empty.GetProperty("code").GetString());
        Assert.Equal("opinion.too_long", tooLong.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("request.too_large", await huge.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.NotFound, miyagi.StatusCode);
        var record = (await JsonAsync($"{Api}/meetings/{meeting}/record")).GetProperty("record");
        Assert.Single(record.GetProperty("agenda").EnumerateArray());
        Assert.Empty(record.GetProperty("opinions").EnumerateArray());
    }

    [Fact]
    public async Task What_was_said_becomes_the_summary_in_every_format()
    {
        var body = await NewBodyAsync();
        var meeting = await NewMeetingAsync(body, "2019-11-19", "情報交換会");
        var theme = await NewThemeAsync(meeting, "自分の地域（お宝）自慢");
        var question = await PostAsync(
            $"{Api}/meetings/{meeting}/opinions",
            new
            {
                agendaItemId = theme,
                text = "雪かき専門のボランティア。",
                organisation = "登米市",
            }
        );
        await PostAsync(
            $"{Api}/meetings/{meeting}/opinions",
            new { agendaItemId = theme, text = "⇒マップにしてケアマネへも配布。" }
        );
        await PostAsync(
            $"{Api}/meetings/{meeting}/comments",
            new
            {
                speaker = "鈴木",
                position = "委員",
                text = "プラットフォームで協議をする場を作っていくことが必要。",
            }
        );
        await PostAsync(
            $"{Api}/meetings/{meeting}/comments",
            new
            {
                speaker = "大坂",
                position = "委員長",
                kind = "review",
                text = "お宝探しはこれからも続けていかなければならない。",
            }
        );

        Assert.Equal(
            "minutes.not_held",
            await (await Client.GetAsync($"{Api}/meetings/{meeting}/minutes?format=md")).ProblemCodeAsync()
        );
        await PostAsync($"{Api}/meetings/{meeting}/status", new { status = "held" }, HttpStatusCode.OK);

        var md = await Client.GetStringAsync($"{Api}/meetings/{meeting}/minutes?format=md");
        Assert.Contains("令和元年１１月１９日（火）１０：００～１２：００", md);
        Assert.Contains("- ○ 雪かき専門のボランティア。", md);
        Assert.Contains("    - ⇒ マップにしてケアマネへも配布。", md);
        Assert.Contains("**＜大坂委員長＞**", md);
        var html = await Client.GetStringAsync($"{Api}/meetings/{meeting}/minutes?format=html");
        Assert.Contains("全体講評", html);
        Assert.Contains("テーマ：自分の地域（お宝）自慢", html);
        var csv = await Client.GetAsync($"{Api}/meetings/{meeting}/minutes?format=csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], (await csv.Content.ReadAsByteArrayAsync())[..3]);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var sjis = await Client.GetAsync($"{Api}/meetings/{meeting}/minutes?format=csv&encoding=cp932");
        Assert.Contains("雪かき専門", Encoding.GetEncoding(932).GetString(await sjis.Content.ReadAsByteArrayAsync()));
        var xlsx = await Client.GetAsync($"{Api}/meetings/{meeting}/minutes?format=xlsx");
        Assert.Equal(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            xlsx.Content.Headers.ContentType!.MediaType
        );
        Assert.Equal(
            "minutes.unknown_format",
            await (await Client.GetAsync($"{Api}/meetings/{meeting}/minutes?format=pdf")).ProblemCodeAsync()
        );
        Assert.Equal(
            question.GetProperty("opinion").GetProperty("id").GetString(),
            (await JsonAsync($"{Api}/meetings/{meeting}/record"))
                .GetProperty("record")
                .GetProperty("opinions")[1]
                .GetProperty("respondsTo")
                .GetString()
        );
    }

    [Fact]
    public async Task The_calendar_event_is_read_by_another_parser()
    {
        var body = await NewBodyAsync();
        var meeting = (
            await PostAsync(
                $"{Api}/meetings",
                new
                {
                    bodyId = body,
                    title = "情報交換会；県北部, 第２回",
                    date = "2027-11-19",
                    venue = "ホテルサンシャイン佐沼 ２階 鳳凰の間",
                    slots = new[] { new { start = "10:00", end = "12:00" }, new { start = "13:30", end = "15:30" } },
                }
            )
        ).GetProperty("id").GetString();

        var ics = await Client.GetStringAsync($"{Api}/meetings/{meeting}/minutes?format=ics");

        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var calendar = Ical.Net.Calendar.Load(ics)!;
        var events = calendar.Events.OrderBy(e => e.Start!.Value).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal("情報交換会；県北部, 第２回", events[0].Summary);
        Assert.Equal("ホテルサンシャイン佐沼 ２階 鳳凰の間", events[0].Location);
        Assert.Equal(new DateTime(2027, 11, 19, 1, 0, 0, DateTimeKind.Utc), events[0].Start!.AsUtc);
        Assert.Equal(new DateTime(2027, 11, 19, 6, 30, 0, DateTimeKind.Utc), events[1].End!.AsUtc);
        var feed = Ical.Net.Calendar.Load(await Client.GetStringAsync($"{Api}/districts/aomori-tsutsui/calendar.ics"))!;
        Assert.Equal(2, feed.Events.Count);
    }

    [Fact]
    public async Task Cadence_follows_held_and_planned_meetings_at_once_and_counts_linked_bodies()
    {
        var seeded = await JsonAsync($"{Api}/districts/aomori-shinjo/cadence?fiscalYear=2018");
        Assert.Equal(
            ("平成30年度", "2018-04-01", "2019-03-31"),
            (
                seeded.GetProperty("fiscalYearName").GetString(),
                seeded.GetProperty("from").GetString(),
                seeded.GetProperty("to").GetString()
            )
        );
        // The network meeting of the body 新城 counts; its 説明会 (a briefing) does not count towards the year.
        Assert.Equal(1, seeded.GetProperty("held").GetInt32());
        Assert.Equal("overdue", seeded.GetProperty("status").GetString());
        Assert.Contains(
            seeded.GetProperty("meetings").EnumerateArray(),
            m => m.GetProperty("fromCountedBody").GetBoolean()
        );

        var body = await NewBodyAsync();
        var before = await JsonAsync($"{Api}/districts/aomori-tsutsui/cadence");
        Assert.Equal(0, before.GetProperty("planned").GetInt32());
        var year = before.GetProperty("fiscalYear").GetInt32();
        var dates = new[] { $"{year + 1}-01-10", $"{year + 1}-02-10", $"{year + 1}-03-10", $"{year + 1}-03-20" };
        var planned = await PostAsync($"{Api}/bodies/{body}/plan", new { dates, venue = "筒井市民センター" });
        Assert.Equal(4, planned.GetArrayLength());
        Assert.Equal(4, (await JsonAsync($"{Api}/districts/aomori-tsutsui/cadence")).GetProperty("planned").GetInt32());

        var bad = await Client.PostAsJsonAsync(
            $"{Api}/bodies/{body}/plan",
            new { dates = new[] { $"{year + 1}-01-11", "2019-02-30" } }
        );
        Assert.Equal("meeting.invalid_date", await bad.ProblemCodeAsync());
        Assert.Equal(4, (await JsonAsync($"{Api}/meetings?bodyId={body}")).GetArrayLength());

        var past = await NewMeetingAsync(body, $"{year}-04-20");
        await PostAsync($"{Api}/meetings/{past}/status", new { status = "held" }, HttpStatusCode.OK);
        var after = await JsonAsync($"{Api}/districts/aomori-tsutsui/cadence");
        Assert.Equal(1, after.GetProperty("held").GetInt32());
        Assert.Equal(past, after.GetProperty("meetings")[0].GetProperty("id").GetString());

        var future = planned[0].GetProperty("id").GetString();
        var early = await Client.PostAsJsonAsync($"{Api}/meetings/{future}/status", new { status = "held" });
        Assert.Equal("meeting.held_in_future", await early.ProblemCodeAsync());
        var skip = await Client.PostAsJsonAsync($"{Api}/meetings/{future}/status", new { status = "minutesApproved" });
        Assert.Equal("meeting.invalid_transition", await skip.ProblemCodeAsync());
        Assert.Equal(
            "cadence.invalid_fiscal_year",
            await (await Client.GetAsync($"{Api}/districts/aomori-tsutsui/cadence?fiscalYear=H30")).ProblemCodeAsync()
        );
    }

    [Fact]
    public async Task Open_action_items_come_back_on_the_next_meeting_until_done()
    {
        var body = await NewBodyAsync();
        var first = await NewMeetingAsync(body, "2019-06-01");
        var second = await NewMeetingAsync(body, "2019-09-01", "第2回");
        var third = await NewMeetingAsync(body, "2019-12-01", "第3回");
        var theme = await NewThemeAsync(first, "困りごとの相談先");
        var opinion = (
            await PostAsync(
                $"{Api}/meetings/{first}/opinions",
                new { agendaItemId = theme, text = "回覧板で周知してはどうか" }
            )
        )
            .GetProperty("opinion")
            .GetProperty("id")
            .GetString();
        var action = (
            await PostAsync(
                $"{Api}/meetings/{first}/actions",
                new
                {
                    title = "回覧板の案を作る",
                    opinionId = opinion,
                    dueDate = "2019-08-31",
                }
            )
        ).GetProperty("id").GetString();

        Assert.Equal(
            "回覧板の案を作る",
            (await JsonAsync($"{Api}/meetings/{second}/record"))
                .GetProperty("record")
                .GetProperty("carried")[0]
                .GetProperty("title")
                .GetString()
        );
        await PostAsync($"/aomori/api/actions/{action}/status", new { status = "done" }, HttpStatusCode.OK);

        // Done today (long after the third meeting), so it was still open then: it stays on the third meeting's record.
        Assert.Single(
            (await JsonAsync($"{Api}/meetings/{third}/record"))
                .GetProperty("record")
                .GetProperty("carried")
                .EnumerateArray()
        );
        var fourth = await NewMeetingAsync(body, DateTime.Today.AddDays(30).ToString("yyyy-MM-dd"), "第4回");
        Assert.Empty(
            (await JsonAsync($"{Api}/meetings/{fourth}/record"))
                .GetProperty("record")
                .GetProperty("carried")
                .EnumerateArray()
        );
    }

    [Fact]
    public async Task Concurrent_recorders_lose_nothing_and_get_one_order()
    {
        var body = await NewBodyAsync();
        var meeting = await NewMeetingAsync(body, "2019-11-19");
        var theme = await NewThemeAsync(meeting, "協議体で得られること");

        var sent = await Task.WhenAll(
            Enumerable
                .Range(0, 8)
                .Select(async recorder =>
                {
                    var seqs = new List<int>();
                    for (var i = 0; i < 25; i++)
                        seqs.Add(
                            (
                                await PostAsync(
                                    $"{Api}/meetings/{meeting}/opinions",
                                    new { agendaItemId = theme, text = $"記録者{recorder}の意見{i}" }
                                )
                            )
                                .GetProperty("seq")
                                .GetInt32()
                        );
                    return seqs;
                })
        );

        var opinions = (await JsonAsync($"{Api}/meetings/{meeting}/record"))
            .GetProperty("record")
            .GetProperty("opinions")
            .EnumerateArray()
            .ToList();
        Assert.Equal(200, opinions.Count);
        Assert.Equal(Enumerable.Range(2, 200), opinions.Select(o => o.GetProperty("seq").GetInt32()));
        Assert.Equal(200, opinions.Select(o => o.GetProperty("text").GetString()).Distinct().Count());
        Assert.All(sent, seqs => Assert.Equal(seqs.Order(), seqs));
    }

    [Fact]
    public async Task Search_matches_across_widths_kana_and_case()
    {
        var body = await NewBodyAsync();
        var meeting = await NewMeetingAsync(body, "2019-11-19", "ＳＣ連絡会");
        var theme = await NewThemeAsync(meeting, "見守り");
        await PostAsync(
            $"{Api}/meetings/{meeting}/opinions",
            new { agendaItemId = theme, text = "ペタンクの後にお茶会" }
        );

        Assert.Contains(
            (await JsonAsync($"{Api}/search?q=ぺたんく")).EnumerateArray(),
            h => h.GetProperty("type").GetString() == "opinion"
        );
        Assert.Contains(
            (await JsonAsync($"{Api}/search?q=sc%E9%80%A3%E7%B5%A1")).EnumerateArray(),
            h => h.GetProperty("type").GetString() == "meeting"
        );
        Assert.Contains(
            (await JsonAsync($"{Api}/search?q=%EF%BE%8D%EF%BE%9F%EF%BE%80%EF%BE%9D%EF%BD%B8")).EnumerateArray(),
            h => h.GetProperty("meetingId").GetString() == meeting
        );
        Assert.Empty((await JsonAsync("/miyagi/api/search?q=ペタンク")).EnumerateArray());
    }

    [Fact]
    public async Task Handouts_are_kept_with_the_meeting_and_the_dashboard_lists_late_summaries()
    {
        var body = await NewBodyAsync();
        var meeting = await NewMeetingAsync(body, "2019-11-19");
        var form = new MultipartFormDataContent { { new ByteArrayContent("資料①"u8.ToArray()), "file", "資料①.pdf" } };
        var upload = await Client.PostAsync($"{Api}/meetings/{meeting}/handouts", form);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var handout = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal("資料①", await Client.GetStringAsync($"{Api}/meetings/{meeting}/handouts/{handout}"));

        await PostAsync($"{Api}/meetings/{meeting}/status", new { status = "held" }, HttpStatusCode.OK);
        var row = (await JsonAsync($"{Api}/dashboard"))
            .EnumerateArray()
            .Single(r => r.GetProperty("cadence").GetProperty("districtId").GetString() == "aomori-tsutsui");
        // A meeting of a past fiscal year is listed apart, not urged with this year's.
        Assert.Equal(meeting, row.GetProperty("pastSummariesMissing")[0].GetProperty("id").GetString());
        Assert.DoesNotContain(
            row.GetProperty("summariesMissing").EnumerateArray(),
            m => m.GetProperty("id").GetString() == meeting
        );
        Assert.Contains("筒井", await Client.GetStringAsync("/aomori/dashboard"));
    }
}

[RunsLong(40)]
public sealed class MeetingApiOnSqliteTests() : MeetingApiTests(DatabaseProvider.Sqlite);

[RunsLong(90)]
public sealed class MeetingApiOnPostgresTests() : MeetingApiTests(DatabaseProvider.Postgres);
