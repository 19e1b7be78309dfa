using System.Diagnostics;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Bench;

/// <summary>
/// The programme at national scale: municipalities with one tier-1 body where MHLW counts one (1,004 of 1,741) and
/// tier-2 bodies over their daily-life areas (7,413 in all, few in a village and up to 150 in a large city),
/// prefectures with a body for the prefecture and one per region; five fiscal years of meetings, 3–4 a year per body;
/// about 24 opinions and comments per held meeting, in Japanese drawn from a vocabulary where some words are common and
/// some rare.
/// </summary>
public static class Nationwide
{
    public sealed record Tenant(string Id, string Name, string Kind, string Code, List<string> DistrictIds)
    {
        public int FirstBody { get; set; }
        public int BodyCount { get; set; }
        public int FirstMeeting { get; set; }
        public int MeetingCount { get; set; }
    }

    public sealed record BodyPlan(
        string TenantId,
        string Id,
        string Name,
        int Tier,
        string Territory,
        string? DistrictId,
        string? DistrictName,
        int AtLeast
    );

    public sealed record MeetingPlan(
        int Index,
        string TenantId,
        string Id,
        string BodyId,
        string Title,
        DateOnly Date,
        string Status,
        int Agenda,
        int Opinions,
        int Comments
    );

    public sealed record DataSet(
        List<Tenant> Tenants,
        List<(string TenantId, string Id, string Name, string Kind, int Sort)> DistrictRows,
        List<BodyPlan> Bodies,
        List<MeetingPlan> Meetings,
        int FirstYear
    )
    {
        public int Districts => DistrictRows.Count;
    }

    private static readonly string[] Prefectures =
    [
        "北海道",
        "青森県",
        "岩手県",
        "宮城県",
        "秋田県",
        "山形県",
        "福島県",
        "茨城県",
        "栃木県",
        "群馬県",
        "埼玉県",
        "千葉県",
        "東京都",
        "神奈川県",
        "新潟県",
        "富山県",
        "石川県",
        "福井県",
        "山梨県",
        "長野県",
        "岐阜県",
        "静岡県",
        "愛知県",
        "三重県",
        "滋賀県",
        "京都府",
        "大阪府",
        "兵庫県",
        "奈良県",
        "和歌山県",
        "鳥取県",
        "島根県",
        "岡山県",
        "広島県",
        "山口県",
        "徳島県",
        "香川県",
        "愛媛県",
        "高知県",
        "福岡県",
        "佐賀県",
        "長崎県",
        "熊本県",
        "大分県",
        "宮崎県",
        "鹿児島県",
        "沖縄県",
    ];
    private static readonly string[] Places =
    [
        "中央",
        "東",
        "西",
        "南",
        "北",
        "本町",
        "新町",
        "旭",
        "緑",
        "桜台",
        "若葉",
        "高田",
        "川原",
        "山手",
        "浜",
        "松原",
        "大野",
        "新城",
        "油川",
        "筒井",
        "浪岡",
        "港",
        "駅前",
        "丘",
    ];
    private static readonly string[] Subjects =
    [
        "地域の高齢者",
        "一人暮らしの方",
        "町内会",
        "民生委員",
        "ボランティア",
        "老人クラブ",
        "商店街",
        "子ども会",
        "地区社協",
        "地域包括支援センター",
        "郵便局",
        "金融機関",
        "交番",
        "生活支援コーディネーター",
    ];

    // Ranked by frequency: the first appear in many opinions, the last in few (お宝 as in Miyagi's sessions).
    private static readonly string[] Topics =
    [
        "見守り",
        "サロン",
        "居場所",
        "買い物支援",
        "ゴミ出し",
        "通いの場",
        "移動支援",
        "配食",
        "健康づくり",
        "防災",
        "体操教室",
        "交流会",
        "除雪",
        "認知症カフェ",
        "担い手不足",
        "空き家",
        "生活支援",
        "話し合い",
        "送迎",
        "お宝",
        "ペタンク",
        "郷土料理",
    ];
    private static readonly string[] Predicates =
    [
        "について検討したい",
        "を続けていきたい",
        "の人手が足りない",
        "の周知が必要だ",
        "に参加する人が増えた",
        "の場所の確保が課題である",
        "があれば助かるという声がある",
        "を他の地区にも広げたい",
        "の担い手を育てたい",
        "の情報を共有したい",
    ];
    private static readonly string[] Surnames =
    [
        "佐藤",
        "鈴木",
        "高橋",
        "田中",
        "伊藤",
        "渡辺",
        "山本",
        "中村",
        "小林",
        "加藤",
        "吉田",
        "山田",
        "佐々木",
        "山口",
        "松本",
        "井上",
        "木村",
        "工藤",
    ];
    private static readonly string[] Organisations =
    [
        "町内会",
        "民生委員児童委員協議会",
        "地区社会福祉協議会",
        "老人クラブ",
        "地域包括支援センター",
        "NPO法人",
        "商工会",
    ];
    private static readonly string[] Themes =
    [
        "地域の困りごとについて",
        "見守り活動の報告",
        "居場所づくりについて",
        "買い物支援の検討",
        "次年度の活動計画",
        "地域のお宝探し",
        "防災と支え合い",
    ];
    private static readonly double[] TopicWeights = Topics.Select((_, i) => 1 / Math.Pow(i + 1, 1.2)).ToArray();

    public static DataSet Plan(int municipalities, int prefectures, DateOnly today)
    {
        var random = new Random(15);
        var firstYear = (today.Month >= 4 ? today.Year : today.Year - 1) - 4;
        var tenants = new List<Tenant>();
        var districts = new List<(string, string, string, string, int)>();
        var bodies = new List<BodyPlan>();
        var tier1 = (int)Math.Round(municipalities * 1004.0 / 1741);
        var tier2 = (int)Math.Round(municipalities * 7413.0 / 1741);
        var areas = AreasPerMunicipality(municipalities, tier2);
        for (var p = 0; p < prefectures; p++)
        {
            var id = $"pref{p + 1:D2}";
            var tenant = new Tenant(id, Prefectures[p], "prefecture", $"{p + 1:D2}0000", []);
            tenant.FirstBody = bodies.Count;
            bodies.Add(
                new BodyPlan(id, $"{id}-b0", $"{Prefectures[p]}生活支援体制整備推進会議", 1, "Tenant", null, null, 2)
            );
            for (var r = 0; r < 4; r++)
            {
                var district = $"{id}-r{r}";
                var name = $"{Places[r + 1]}部圏域";
                tenant.DistrictIds.Add(district);
                districts.Add((id, district, name, "Region", (r + 1) * 10));
                bodies.Add(new BodyPlan(id, $"{id}-b{r + 1}", $"{name}連絡会議", 1, "Region", district, name, 2));
            }
            tenant.BodyCount = bodies.Count - tenant.FirstBody;
            tenants.Add(tenant);
        }
        // Tier-1 bodies exist in the municipalities chosen at random, as many as MHLW counts.
        var withTier1 = Enumerable.Range(0, municipalities).OrderBy(_ => random.Next()).Take(tier1).ToHashSet();
        for (var m = 0; m < municipalities; m++)
        {
            var prefecture = m % prefectures;
            var id = $"c{prefecture + 1:D2}{m / prefectures + 1:D3}";
            var name = $"{Prefectures[prefecture][..^1]}第{m / prefectures + 1}市";
            var tenant = new Tenant(
                id,
                name,
                "municipality",
                $"{prefecture + 1:D2}{m / prefectures + 1:D3}{m % 10}",
                []
            );
            tenant.FirstBody = bodies.Count;
            if (withTier1.Contains(m))
                bodies.Add(new BodyPlan(id, $"{id}-b0", $"{name}地域支え合い推進会議", 1, "Tenant", null, null, 2));
            for (var a = 0; a < areas[m]; a++)
            {
                var district = $"{id}-d{a}";
                var place = Places[a % Places.Length] + (a >= Places.Length ? $"{a / Places.Length + 1}" : "");
                tenant.DistrictIds.Add(district);
                districts.Add((id, district, place, "DailyLifeArea", (a + 1) * 10));
                bodies.Add(
                    new BodyPlan(id, $"{id}-b{a + 1}", $"{place}地区支え合い会議", 2, "District", district, place, 3)
                );
            }
            tenant.BodyCount = bodies.Count - tenant.FirstBody;
            tenants.Add(tenant);
        }

        // Meetings, fiscal year by fiscal year over all tenants, so that a tenant's rows lie apart in the tables as
        // they would after five years.
        var meetings = new List<MeetingPlan>();
        var perTenant = tenants.ToDictionary(t => t.Id, _ => new List<MeetingPlan>());
        for (var y = firstYear; y < firstYear + 5; y++)
            foreach (var tenant in tenants)
                for (var b = tenant.FirstBody; b < tenant.FirstBody + tenant.BodyCount; b++)
                {
                    var body = bodies[b];
                    var count = 3 + random.Next(2);
                    for (var k = 0; k < count; k++)
                    {
                        var start = new DateOnly(y, 4, 1).AddDays(k * 365 / count + 20 + random.Next(365 / count - 40));
                        var status =
                            start >= today ? "Planned"
                            : start > today.AddDays(-60)
                                ? Pick(random, ("Held", 60), ("MinutesApproved", 35), ("Cancelled", 5))
                            : Pick(random, ("MinutesApproved", 90), ("Held", 7), ("Cancelled", 3));
                        var held = status is "Held" or "MinutesApproved";
                        var index = meetings.Count;
                        var plan = new MeetingPlan(
                            index,
                            tenant.Id,
                            $"{body.Id}-{y}-{k + 1}",
                            body.Id,
                            $"{body.Name}（{y}年度第{k + 1}回）",
                            start,
                            status,
                            2 + random.Next(2),
                            held ? 12 + random.Next(15) : 0,
                            held ? 2 + random.Next(6) : 0
                        );
                        meetings.Add(plan);
                        perTenant[tenant.Id].Add(plan);
                    }
                }
        // Looked up by tenant: a tenant's meetings are kept together in this list (the tables keep the order above).
        meetings.Clear();
        foreach (var tenant in tenants)
        {
            tenant.FirstMeeting = meetings.Count;
            tenant.MeetingCount = perTenant[tenant.Id].Count;
            meetings.AddRange(perTenant[tenant.Id]);
        }
        return new DataSet(tenants, districts, bodies, meetings, firstYear);
    }

    /// <summary>Daily-life areas per municipality: a few large cities with many, most towns and villages with one to
    /// three.</summary>
    private static int[] AreasPerMunicipality(int municipalities, int total)
    {
        double low = 0,
            high = 10_000;
        int[] Counts(double a) =>
            Enumerable
                .Range(0, municipalities)
                .Select(i => Math.Clamp((int)Math.Round(a / Math.Pow(i + 1, 0.85)), 1, 150))
                .ToArray();
        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            if (Counts(mid).Sum() < total)
                low = mid;
            else
                high = mid;
        }
        var counts = Counts(high);
        var random = new Random(1741);
        return counts.OrderBy(_ => random.Next()).ToArray();
    }

    private static string Pick(Random random, params (string Value, int Weight)[] choices)
    {
        var n = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (n < weight)
                return value;
            n -= weight;
        }
        return choices[^1].Value;
    }

    private static string Topic(Random random)
    {
        var n = random.NextDouble() * TopicWeights.Sum();
        for (var i = 0; i < Topics.Length; i++)
        {
            if (n < TopicWeights[i])
                return Topics[i];
            n -= TopicWeights[i];
        }
        return Topics[0];
    }

    private static string Sentence(Random random, DistrictText place) =>
        $"{place.Name}の{Subjects[random.Next(Subjects.Length)]}から、{Topic(random)}{Predicates[random.Next(Predicates.Length)]}。"
        + (random.Next(3) == 0 ? $"{Topic(random)}と{Topic(random)}も合わせて考えたい。" : "");

    private readonly record struct DistrictText(string Name);

    /// <summary>Loads the data set with binary COPY. Secondary indexes of the loaded tables are dropped first and built
    /// again after, then ANALYZE.</summary>
    public static async Task<(long Opinions, long Comments)> LoadAsync(NpgsqlConnection connection, DataSet set)
    {
        var now = DateTimeOffset.UtcNow.ToString("O");
        string[] tables = ["meetings", "agenda_items", "opinions", "comments", "personal_content"];
        var indexes = (
            await connection.QueryAsync<(string Name, string Definition)>(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables) "
                    + "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
                new { tables }
            )
        ).ToList();
        foreach (var (name, _) in indexes)
            await connection.ExecuteAsync($"DROP INDEX {name}");

        var watch = Stopwatch.StartNew();
        await using (
            var w = await Copy(
                connection,
                "COPY tenants (tenant_id, name, kind, local_government_code, created_at) FROM STDIN (FORMAT BINARY)"
            )
        )
        {
            foreach (var t in set.Tenants)
                await w.WriteRowAsync(default, t.Id, t.Name, t.Kind, t.Code, now);
            await w.CompleteAsync();
        }
        await using (
            var w = await Copy(
                connection,
                "COPY districts (tenant_id, district_id, name, kind, sort_order, created_at, updated_at) FROM STDIN (FORMAT BINARY)"
            )
        )
        {
            foreach (var d in set.DistrictRows)
                await w.WriteRowAsync(default, d.TenantId, d.Id, d.Name, d.Kind, d.Sort, now, now);
            await w.CompleteAsync();
        }
        await using (
            var w = await Copy(
                connection,
                "COPY bodies (tenant_id, body_id, name, kind, tier, territory, district_id, host_organisation_id, status, details, created_at, updated_at) FROM STDIN (FORMAT BINARY)"
            )
        )
        {
            foreach (var b in set.Bodies)
            {
                var details =
                    $$"""{"cadence":{"atLeast":{{b.AtLeast}},"atMost":null,"meetEvenWithoutCase":{{(b.Tier == 2 ? "true" : "false")}}},"charter":{"why":null,"what":null,"who":null,"where":null,"when":null,"how":null},"members":[],"defaultScope":[],"countedBodyIds":[]}""";
                await w.StartRowAsync();
                foreach (
                    var value in new object?[]
                    {
                        b.TenantId,
                        b.Id,
                        b.Name,
                        null,
                        b.Tier,
                        b.Territory,
                        b.DistrictId,
                        null,
                        "Active",
                        details,
                        now,
                        now,
                    }
                )
                    await WriteAsync(w, value);
            }
            await w.CompleteAsync();
        }
        Console.WriteLine($"  tenants, districts, bodies: {watch.Elapsed.TotalSeconds:F1} s");

        // Rows in the order they would have been written: fiscal year by fiscal year across all tenants.
        var order = set
            .Meetings.OrderBy(m => FiscalYearOf(m.Date))
            .ThenBy(m => m.TenantId, StringComparer.Ordinal)
            .ThenBy(m => m.Index)
            .ToList();
        const string details0 =
            """{"slots":[{"start":"10:00","end":"12:00"}],"convening":[],"attendance":{"counts":[],"attendees":[],"absentees":[],"observers":0,"statedTotal":null},"extra":null}""";
        await using (
            var w = await Copy(
                connection,
                "COPY meetings (tenant_id, meeting_id, body_id, kind, title, meeting_date, status, venue, room, is_public, minutes_public, next_meeting_date, details, search_text, "
                    + "record_seq, held_at, minutes_approved_at, created_at, updated_at) FROM STDIN (FORMAT BINARY)"
            )
        )
        {
            foreach (var m in order)
            {
                var venue = $"{m.Title[..Math.Min(2, m.Title.Length)]}市民センター";
                var held = m.Status is "Held" or "MinutesApproved"
                    ? $"{m.Date:yyyy-MM-dd}T03:00:00.0000000+00:00"
                    : null;
                var approved =
                    m.Status == "MinutesApproved" ? $"{m.Date.AddDays(14):yyyy-MM-dd}T03:00:00.0000000+00:00" : null;
                await w.StartRowAsync();
                foreach (
                    var value in new object?[]
                    {
                        m.TenantId,
                        m.Id,
                        m.BodyId,
                        "regular",
                        m.Title,
                        $"{m.Date:yyyy-MM-dd}",
                        m.Status,
                        venue,
                        "会議室",
                        1,
                        0,
                        null,
                        details0,
                        SearchText.Fold($"{m.Title} {venue} 会議室"),
                        m.Agenda + m.Opinions + m.Comments,
                        held,
                        approved,
                        now,
                        now,
                    }
                )
                    await WriteAsync(w, value);
            }
            await w.CompleteAsync();
        }
        await using (
            var w = await Copy(
                connection,
                "COPY agenda_items (tenant_id, agenda_item_id, meeting_id, position, title, seq) FROM STDIN (FORMAT BINARY)"
            )
        )
        {
            foreach (var m in order)
                for (var a = 0; a < m.Agenda; a++)
                    await w.WriteRowAsync(
                        default,
                        m.TenantId,
                        $"{m.Id}-a{a + 1}",
                        m.Id,
                        a + 1,
                        Themes[(m.Index + a) % Themes.Length],
                        a + 1
                    );
            await w.CompleteAsync();
        }
        Console.WriteLine($"  meetings, agenda items: {watch.Elapsed.TotalSeconds:F1} s");

        long opinions = 0,
            comments = 0;
        var personal = new List<(string Tenant, string Item, string Kind, string Meeting, DateOnly Date)>();
        var places = set.Bodies.ToDictionary(b => b.Id, b => new DistrictText(b.DistrictName ?? "市内"));
        await using (
            var w = await Copy(
                connection,
                "COPY opinions (tenant_id, opinion_id, meeting_id, agenda_item_id, seq, kind, text, speaker, organisation, responds_to, recorded_by, recorded_at, search_text, sensitivity) "
                    + "FROM STDIN (FORMAT BINARY)"
            )
        )
        {
            foreach (var m in order)
            {
                var random = new Random(m.Index);
                for (var o = 0; o < m.Opinions; o++)
                {
                    var seq = m.Agenda + o + 1;
                    var id = $"{m.Id}-o{seq}";
                    var level = random.Next(100) switch
                    {
                        < 30 => 0,
                        < 95 => 1,
                        < 99 => 2,
                        _ => 3,
                    };
                    var text =
                        level >= 2
                            ? $"{Surnames[random.Next(Surnames.Length)]}さん（{70 + random.Next(25)}歳）は{Topic(random)}を希望しており、家族とも相談している。"
                            : Sentence(random, places[m.BodyId]);
                    var kind = random.Next(10) switch
                    {
                        < 6 => "Opinion",
                        < 8 => "Question",
                        < 9 => "Proposal",
                        _ => "Response",
                    };
                    var speaker = random.Next(4) == 0 ? null : Surnames[random.Next(Surnames.Length)];
                    var organisation = speaker is null ? null : Organisations[random.Next(Organisations.Length)];
                    await w.StartRowAsync();
                    foreach (
                        var value in new object?[]
                        {
                            m.TenantId,
                            id,
                            m.Id,
                            $"{m.Id}-a{o % m.Agenda + 1}",
                            seq,
                            kind,
                            text,
                            speaker,
                            organisation,
                            null,
                            "coordinator",
                            $"{m.Date:yyyy-MM-dd}T02:{o % 60:D2}:00.0000000+00:00",
                            SearchText.Fold($"{text} {speaker} {organisation}"),
                            level,
                        }
                    )
                        await WriteAsync(w, value);
                    if (level >= 2)
                        personal.Add((m.TenantId, id, "opinion", m.Id, m.Date));
                    opinions++;
                }
            }
            await w.CompleteAsync();
        }
        Console.WriteLine($"  opinions: {watch.Elapsed.TotalSeconds:F1} s");
        await using (
            var w = await Copy(
                connection,
                "COPY comments (tenant_id, comment_id, meeting_id, seq, kind, speaker, role, position, text, recorded_at, search_text, sensitivity) FROM STDIN (FORMAT BINARY)"
            )
        )
        {
            foreach (var m in order)
            {
                var random = new Random(-m.Index - 1);
                for (var c = 0; c < m.Comments; c++)
                {
                    var seq = m.Agenda + m.Opinions + c + 1;
                    var speaker = $"{Surnames[random.Next(Surnames.Length)]}アドバイザー";
                    var text =
                        $"{Topic(random)}は{places[m.BodyId].Name}の強みです。{Topic(random)}{Predicates[random.Next(Predicates.Length)]}という点を大切にしてください。";
                    var level = random.Next(100) < 40 ? 0 : 1;
                    await w.StartRowAsync();
                    foreach (
                        var value in new object?[]
                        {
                            m.TenantId,
                            $"{m.Id}-c{seq}",
                            m.Id,
                            seq,
                            c == m.Comments - 1 ? "Review" : "Comment",
                            speaker,
                            "advisor",
                            null,
                            text,
                            $"{m.Date:yyyy-MM-dd}T03:{c:D2}:00.0000000+00:00",
                            SearchText.Fold($"{text} {speaker}"),
                            level,
                        }
                    )
                        await WriteAsync(w, value);
                    comments++;
                }
            }
            await w.CompleteAsync();
        }
        await using (
            var w = await Copy(
                connection,
                "COPY personal_content (tenant_id, item_id, item_kind, meeting_id, basis, consented_on, consent_scope, ordinance, recorded_at) FROM STDIN (FORMAT BINARY)"
            )
        )
        {
            foreach (var p in personal)
                await w.WriteRowAsync(
                    default,
                    p.Tenant,
                    p.Item,
                    p.Kind,
                    p.Meeting,
                    "Consent",
                    $"{p.Date.AddDays(-7):yyyy-MM-dd}",
                    "地域支え合い会議での共有",
                    (string?)null,
                    $"{p.Date:yyyy-MM-dd}T02:00:00.0000000+00:00"
                );
            await w.CompleteAsync();
        }
        Console.WriteLine($"  comments, personal content: {watch.Elapsed.TotalSeconds:F1} s");
        await connection.ExecuteAsync("SET maintenance_work_mem = '1GB'");
        foreach (var (name, definition) in indexes)
        {
            var started = watch.Elapsed.TotalSeconds;
            await connection.ExecuteAsync(definition, commandTimeout: 0);
            Console.WriteLine($"  index {name}: {watch.Elapsed.TotalSeconds - started:F1} s");
        }
        await connection.ExecuteAsync("VACUUM ANALYZE", commandTimeout: 0);
        Console.WriteLine($"  VACUUM ANALYZE: {watch.Elapsed.TotalSeconds:F1} s");
        return (opinions, comments);
    }

    private static async Task<NpgsqlBinaryImporter> Copy(NpgsqlConnection connection, string command)
    {
        var importer = await connection.BeginBinaryImportAsync(command);
        importer.Timeout = TimeSpan.FromHours(1); // the server checks foreign keys of millions of rows when the COPY completes
        return importer;
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of the stores' key queries, with the values of the largest tenant, for the
    /// README.</summary>
    public static async Task ExplainAsync(
        NpgsqlConnection connection,
        Tenant tenant,
        MeetingPlan meeting,
        BodyPlan body,
        int year
    )
    {
        var queries = new (string Name, string Sql, object Parameters)[]
        {
            // As SearchService runs the opinions part of its union on PostgreSQL: without nested loops (set below),
            // sorted and cut to the limit before the body is joined.
            (
                "search: opinions for a two-character word (SearchService, the opinions part of its UNION)",
                "SELECT 'opinion', m.meeting_id, m.title, m.meeting_date, o.text, o.opinion_id, o.sensitivity, m.body_id FROM opinions o "
                    + "JOIN meetings m ON m.tenant_id = o.tenant_id AND m.meeting_id = o.meeting_id WHERE o.tenant_id = @tenantId AND o.sensitivity < 2 "
                    + "AND search_bigrams(o.tenant_id, o.search_text) @> search_bigrams(@tenantId, @w0) "
                    + "AND o.search_text LIKE @t0 ESCAPE '\\' ORDER BY m.meeting_date DESC LIMIT 100",
                new
                {
                    tenantId = tenant.Id,
                    w0 = "お宝",
                    t0 = "%お宝%",
                }
            ),
            (
                "search: opinions for a common word",
                "SELECT 'opinion', m.meeting_id, m.title, m.meeting_date, o.text, o.opinion_id, o.sensitivity, m.body_id FROM opinions o "
                    + "JOIN meetings m ON m.tenant_id = o.tenant_id AND m.meeting_id = o.meeting_id WHERE o.tenant_id = @tenantId AND o.sensitivity < 2 "
                    + "AND search_bigrams(o.tenant_id, o.search_text) @> search_bigrams(@tenantId, @w0) "
                    + "AND o.search_text LIKE @t0 ESCAPE '\\' ORDER BY m.meeting_date DESC LIMIT 100",
                new
                {
                    tenantId = tenant.Id,
                    w0 = "見守り",
                    t0 = "%見守り%",
                }
            ),
            (
                "search: opinions for one character (no bigram: the tenant's rows)",
                "SELECT 'opinion', m.meeting_id, m.title, m.meeting_date, o.text, o.opinion_id, o.sensitivity, m.body_id FROM opinions o "
                    + "JOIN meetings m ON m.tenant_id = o.tenant_id AND m.meeting_id = o.meeting_id WHERE o.tenant_id = @tenantId AND o.sensitivity < 2 "
                    + "AND o.search_text LIKE @t0 ESCAPE '\\' ORDER BY m.meeting_date DESC LIMIT 100",
                new { tenantId = tenant.Id, t0 = "%宝%" }
            ),
            (
                "meeting list: held meetings of a fiscal year (MeetingStore.ListAsync)",
                "SELECT m.meeting_id, m.details FROM meetings m JOIN bodies b ON b.tenant_id = m.tenant_id AND b.body_id = m.body_id "
                    + "WHERE m.tenant_id = @tenantId AND (@bodyId::text IS NULL OR m.body_id = @bodyId) AND (@districtId::text IS NULL OR b.district_id = @districtId) "
                    + "AND (@from::text IS NULL OR m.meeting_date >= @from) AND (@to::text IS NULL OR m.meeting_date <= @to) AND (@status::text IS NULL OR m.status = @status) "
                    + "ORDER BY m.meeting_date, m.created_at",
                new
                {
                    tenantId = tenant.Id,
                    bodyId = (string?)null,
                    districtId = (string?)null,
                    from = $"{year}-04-01",
                    to = $"{year + 1}-03-31",
                    status = "Held",
                }
            ),
            (
                "meeting list: a body's meetings over two fiscal years (CadenceService, per body)",
                "SELECT m.meeting_id, m.details FROM meetings m JOIN bodies b ON b.tenant_id = m.tenant_id AND b.body_id = m.body_id "
                    + "WHERE m.tenant_id = @tenantId AND (@bodyId::text IS NULL OR m.body_id = @bodyId) AND (@districtId::text IS NULL OR b.district_id = @districtId) "
                    + "AND (@from::text IS NULL OR m.meeting_date >= @from) AND (@to::text IS NULL OR m.meeting_date <= @to) AND (@status::text IS NULL OR m.status = @status) "
                    + "ORDER BY m.meeting_date, m.created_at",
                new
                {
                    tenantId = tenant.Id,
                    bodyId = body.Id,
                    districtId = (string?)null,
                    from = $"{year - 1}-04-01",
                    to = $"{year + 1}-03-31",
                    status = (string?)null,
                }
            ),
            (
                "summary: a meeting's comments (RecordStore.LoadAsync)",
                "SELECT comment_id, seq, kind, speaker, text FROM comments WHERE tenant_id = @tenantId AND meeting_id = @meetingId ORDER BY seq",
                new { tenantId = tenant.Id, meetingId = meeting.Id }
            ),
            (
                "summary: a meeting's agenda items (RecordStore.LoadAsync)",
                "SELECT agenda_item_id, position, title, seq FROM agenda_items WHERE tenant_id = @tenantId AND meeting_id = @meetingId ORDER BY position",
                new { tenantId = tenant.Id, meetingId = meeting.Id }
            ),
        };
        foreach (var (name, sql, parameters) in queries)
        {
            Console.WriteLine($"EXPLAIN {name}, tenant {tenant.Id}:");
            await connection.ExecuteAsync(
                name.StartsWith("search", StringComparison.Ordinal)
                    ? "SET enable_nestloop = off"
                    : "RESET enable_nestloop"
            );
            foreach (var line in await connection.QueryAsync<string>("EXPLAIN (ANALYZE, BUFFERS) " + sql, parameters))
                Console.WriteLine("    " + line);
        }
    }

    private static int FiscalYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    private static Task WriteAsync(NpgsqlBinaryImporter w, object? value) =>
        value switch
        {
            null => w.WriteNullAsync(),
            string s => w.WriteAsync(s, NpgsqlDbType.Text),
            int i => w.WriteAsync(i, NpgsqlDbType.Integer),
            _ => throw new ArgumentException(value.GetType().Name),
        };
}
