using System.Data.Common;
using System.Text.Json;
using Dapper;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Core.Bodies;
using Platform.Core.Organisations;
using Platform.Core.Storage;

namespace Platform.Core.Meetings;

/// <summary>Meetings of a tenant's bodies. A meeting's slots, convening changes and attendance are one JSON document, written with it.</summary>
public sealed class MeetingStore(Database database, BodyStore bodies, OrganisationStore organisations)
{
    private const string Columns =
        "m.meeting_id AS Id, m.body_id AS BodyId, m.kind AS Kind, m.title AS Title, m.meeting_date AS Date, m.status AS Status, m.venue AS Venue, m.room AS Room, " +
        "m.is_public AS IsPublic, m.minutes_public AS MinutesPublic, m.next_meeting_date AS NextMeetingDate, m.details AS Details, m.held_at AS HeldAt, " +
        "m.minutes_approved_at AS MinutesApprovedAt, m.record_seq AS RecordSeq";

    public const int MaxTextLength = 200;

    private sealed record Details(List<TimeSlot> Slots, List<ConveningChange> Convening, Attendance Attendance, Dictionary<string, string>? Extra = null);

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string BodyId { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Title { get; init; } = "";
        public string Date { get; init; } = "";
        public string Status { get; init; } = "";
        public string? Venue { get; init; }
        public string? Room { get; init; }
        public int IsPublic { get; init; }
        public int MinutesPublic { get; init; }
        public string? NextMeetingDate { get; init; }
        public string Details { get; init; } = "";
        public string? HeldAt { get; init; }
        public string? MinutesApprovedAt { get; init; }
        public int RecordSeq { get; init; }

        public Meeting ToMeeting()
        {
            var d = JsonSerializer.Deserialize<Details>(Details, BodyStore.Json)!;
            return new Meeting(Id, BodyId, Kind, Title, Clock.ParseIso(Date)!.Value, d.Slots, Venue, Room, Enum.Parse<MeetingStatus>(Status), d.Convening,
                d.Attendance, IsPublic != 0, MinutesPublic != 0, Clock.ParseIso(NextMeetingDate), HeldAt, MinutesApprovedAt, RecordSeq, d.Extra);
        }
    }

    public sealed record Filter(string? BodyId = null, string? DistrictId = null, DateOnly? From = null, DateOnly? To = null, MeetingStatus? Status = null);

    public async Task<IReadOnlyList<Meeting>> ListAsync(string tenantId, Filter filter, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM meetings m JOIN bodies b ON b.tenant_id = m.tenant_id AND b.body_id = m.body_id " +
            "WHERE m.tenant_id = @tenantId AND (@bodyId IS NULL OR m.body_id = @bodyId) AND (@districtId IS NULL OR b.district_id = @districtId) " +
            "AND (@from IS NULL OR m.meeting_date >= @from) AND (@to IS NULL OR m.meeting_date <= @to) AND (@status IS NULL OR m.status = @status) " +
            "ORDER BY m.meeting_date, m.created_at",
            new
            {
                tenantId, bodyId = filter.BodyId, districtId = filter.DistrictId, status = filter.Status?.ToString(),
                from = filter.From is { } f ? Clock.Iso(f) : null, to = filter.To is { } t ? Clock.Iso(t) : null,
            });
        return rows.Select(r => r.ToMeeting()).ToList();
    }

    public async Task<Meeting?> FindAsync(string tenantId, string meetingId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM meetings m WHERE m.tenant_id = @tenantId AND m.meeting_id = @meetingId", new { tenantId, meetingId });
        return row?.ToMeeting();
    }

    public async Task<Meeting> GetAsync(string tenantId, string meetingId, CancellationToken cancellationToken = default) =>
        await FindAsync(tenantId, meetingId, cancellationToken) ?? throw PlatformException.NotFound("meeting.not_found", "会議");

    /// <param name="check">Asked about the validated meeting before it is written (modules' scheduling rules); throws to refuse.</param>
    public async Task<Meeting> CreateAsync(string tenantId, MeetingInput input, IReadOnlyList<MeetingKind> kinds, string? id = null,
        Func<Meeting, Task>? check = null, CancellationToken cancellationToken = default)
    {
        var meeting = await ValidateAsync(tenantId, id ?? Ids.New(), input, kinds, current: null, cancellationToken);
        if (check is not null) await check(meeting);
        await database.InTransactionAsync((connection, transaction) => InsertPlannedAsync(connection, transaction, tenantId, meeting), cancellationToken);
        return meeting;
    }

    /// <summary>
    /// Plans a fiscal year's meetings of a body at once, from a template and a list of dates, in one transaction:
    /// all of them are planned or, if one date is wrong, none.
    /// </summary>
    public async Task<IReadOnlyList<Meeting>> PlanAsync(string tenantId, string bodyId, MeetingInput template, IReadOnlyList<string?> dates,
        IReadOnlyList<MeetingKind> kinds, Func<Meeting, Task>? check = null, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        if (dates.Count is 0 or > 24) errors.Add("dates", "meeting.invalid_plan", "予定日を1〜24件指定してください。");
        var parsed = new List<DateOnly>();
        for (var i = 0; i < dates.Count; i++)
        {
            if (!JapaneseNumber.CheckDigits(dates[i], errors, $"dates[{i}]", "予定日")) continue;
            if (JapaneseDate.TryParseDate(dates[i], out var date)) parsed.Add(date);
            else errors.Add($"dates[{i}]", "meeting.invalid_date", $"「{dates[i]}」は正しい日付ではありません。");
        }
        errors.ThrowIfAny();
        var body = await bodies.GetAsync(tenantId, bodyId, cancellationToken);
        var meetings = new List<Meeting>();
        for (var i = 0; i < parsed.Count; i++)
        {
            var title = string.IsNullOrWhiteSpace(template.Title) ? $"{body.Name}（第{i + 1}回）" : $"{JapaneseText.Clean(template.Title)}（第{i + 1}回）";
            meetings.Add(await ValidateAsync(tenantId, Ids.New(), template with { BodyId = bodyId, Title = title, Date = Clock.Iso(parsed[i]) }, kinds, null, cancellationToken));
            if (check is not null) await check(meetings[^1]);
        }
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var meeting in meetings) await InsertPlannedAsync(connection, transaction, tenantId, meeting);
            return 0;
        }, cancellationToken);
        return meetings;
    }

    public async Task<Meeting> UpdateAsync(string tenantId, string meetingId, MeetingInput input, IReadOnlyList<MeetingKind> kinds, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(tenantId, meetingId, cancellationToken);
        var meeting = await ValidateAsync(tenantId, meetingId, input, kinds, current, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE meetings SET body_id = @BodyId, kind = @Kind, title = @Title, meeting_date = @date, venue = @Venue, room = @Room, is_public = @isPublic, " +
            "minutes_public = @minutesPublic, next_meeting_date = @next, details = @details, search_text = @search, updated_at = @now " +
            "WHERE tenant_id = @tenantId AND meeting_id = @Id",
            Parameters(tenantId, meeting));
        return meeting;
    }

    /// <summary>Moves a meeting along planned → held → minutes approved (or cancels it); any other step is refused.</summary>
    public async Task<Meeting> SetStatusAsync(string tenantId, string meetingId, MeetingStatus status, DateOnly today, CancellationToken cancellationToken = default)
    {
        var meeting = await GetAsync(tenantId, meetingId, cancellationToken);
        if (meeting.Status == status) return meeting;
        var allowed = (meeting.Status, status) switch
        {
            (MeetingStatus.Planned, MeetingStatus.Held or MeetingStatus.Cancelled) => true,
            (MeetingStatus.Held, MeetingStatus.MinutesApproved) => true,
            (MeetingStatus.MinutesApproved, MeetingStatus.Held) => true,
            (MeetingStatus.Cancelled, MeetingStatus.Planned) => true,
            _ => false,
        };
        if (!allowed)
            throw new PlatformException(409, "meeting.invalid_transition", "この状態には変更できません。",
                $"「{meeting.Status.Japanese()}」の会議を「{status.Japanese()}」にすることはできません。");
        if (status == MeetingStatus.Held && meeting.Date > today)
            throw new PlatformException(409, "meeting.held_in_future", "まだ開催日になっていません。",
                $"開催日（{Wareki.Format(meeting.Date)}）を過ぎてから「開催済み」にしてください。日付が変わった場合は先に開催日を修正してください。");
        var now = Clock.Now();
        var heldAt = status == MeetingStatus.Held ? meeting.HeldAt ?? now : meeting.HeldAt;
        var approvedAt = status == MeetingStatus.MinutesApproved ? now : status == MeetingStatus.Held ? null : meeting.MinutesApprovedAt;
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE meetings SET status = @status, held_at = @heldAt, minutes_approved_at = @approvedAt, updated_at = @now WHERE tenant_id = @tenantId AND meeting_id = @meetingId",
            new { tenantId, meetingId, status = status.ToString(), heldAt, approvedAt, now });
        return meeting with { Status = status, HeldAt = heldAt, MinutesApprovedAt = approvedAt };
    }

    /// <summary>Validates a meeting without writing it, for an import that writes many things in one transaction of its own.</summary>
    public Task<Meeting> PrepareAsync(string tenantId, MeetingInput input, IReadOnlyList<MeetingKind> kinds, string id, CancellationToken cancellationToken = default) =>
        ValidateAsync(tenantId, id, input, kinds, current: null, cancellationToken);

    /// <summary>Removes a meeting and everything recorded at it, inside the caller's transaction (an import replacing its earlier self).</summary>
    public static async Task DeleteAsync(DbConnection connection, DbTransaction transaction, string tenantId, string meetingId)
    {
        foreach (var table in new[] { "opinions", "comments", "action_items", "handouts", "agenda_items", "meetings" })
            await connection.ExecuteAsync($"DELETE FROM {table} WHERE tenant_id = @tenantId AND meeting_id = @meetingId", new { tenantId, meetingId }, transaction);
    }

    /// <summary>Writes a meeting prepared by <see cref="PrepareAsync"/> with its status, inside the caller's transaction.</summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string tenantId, Meeting meeting)
    {
        await InsertPlannedAsync(connection, transaction, tenantId, meeting);
        await connection.ExecuteAsync(
            "UPDATE meetings SET status = @status, held_at = @HeldAt, minutes_approved_at = @MinutesApprovedAt WHERE tenant_id = @tenantId AND meeting_id = @Id",
            new { tenantId, meeting.Id, status = meeting.Status.ToString(), meeting.HeldAt, meeting.MinutesApprovedAt }, transaction);
    }

    private static Task<int> InsertPlannedAsync(DbConnection connection, DbTransaction transaction, string tenantId, Meeting meeting) =>
        connection.ExecuteAsync(
            "INSERT INTO meetings (tenant_id, meeting_id, body_id, kind, title, meeting_date, status, venue, room, is_public, minutes_public, next_meeting_date, " +
            "details, search_text, record_seq, created_at, updated_at) VALUES (@tenantId, @Id, @BodyId, @Kind, @Title, @date, @status, @Venue, @Room, @isPublic, " +
            "@minutesPublic, @next, @details, @search, 0, @now, @now)",
            Parameters(tenantId, meeting), transaction);

    private static object Parameters(string tenantId, Meeting m) => new
    {
        tenantId, m.Id, m.BodyId, m.Kind, m.Title, date = Clock.Iso(m.Date), status = m.Status.ToString(), m.Venue, m.Room,
        isPublic = m.IsPublic ? 1 : 0, minutesPublic = m.MinutesPublic ? 1 : 0, next = m.NextMeetingDate is { } n ? Clock.Iso(n) : null,
        details = JsonSerializer.Serialize(new Details([.. m.Slots], [.. m.Convening], m.Attendance, m.Extra is null ? null : new Dictionary<string, string>(m.Extra)), BodyStore.Json),
        search = SearchText.Fold($"{m.Title} {m.Venue} {m.Room}"), now = Clock.Now(),
    };

    private async Task<Meeting> ValidateAsync(string tenantId, string id, MeetingInput input, IReadOnlyList<MeetingKind> kinds, Meeting? current,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var bodyId = string.IsNullOrWhiteSpace(input.BodyId) ? current?.BodyId : input.BodyId.Trim();
        Body? body = null;
        if (bodyId is null) errors.Add("bodyId", "meeting.body_required", "会議を開く協議体を指定してください。");
        else if ((body = await bodies.FindAsync(tenantId, bodyId, cancellationToken)) is null)
            errors.Add("bodyId", "body.not_found", "協議体が見つかりません。");
        var kind = string.IsNullOrWhiteSpace(input.Kind) ? current?.Kind ?? "regular" : input.Kind.Trim();
        if (kinds.All(k => k.Id != kind)) errors.Add("kind", "meeting.unknown_kind", $"会議の種類「{kind}」はありません。");

        var title = input.Title is null ? current?.Title ?? body?.Name ?? "" : JapaneseText.Clean(input.Title);
        if (title.Length is 0 or > MaxTextLength) errors.Add("title", "meeting.invalid_title", "会議名を200文字以内で入力してください。");
        errors.RefuseInvisible("title", "会議名", title);

        var date = current?.Date ?? default;
        if (input.Date is not null || current is null)
        {
            if (string.IsNullOrWhiteSpace(input.Date)) errors.Add("date", "meeting.date_required", "開催日を入力してください。");
            else if (JapaneseNumber.CheckDigits(input.Date, errors, "date", "開催日") && !JapaneseDate.TryParseDate(input.Date, out date)) errors.Add("date", "meeting.invalid_date", $"開催日「{input.Date}」は正しい日付ではありません。");
        }
        // Not sent: unchanged; sent blank: cleared.
        var next = input.NextMeetingDate is null ? current?.NextMeetingDate
            : JapaneseDate.Optional(input.NextMeetingDate, errors, "nextMeetingDate", "meeting.invalid_date", "次回開催日");

        var slots = current?.Slots ?? [];
        if (input.Slots is not null)
        {
            var read = new List<TimeSlot>();
            for (var i = 0; i < input.Slots.Count; i++)
            {
                if (!JapaneseNumber.CheckDigits(input.Slots[i].Start + " " + input.Slots[i].End, errors, $"slots[{i}]", "時刻")) continue;
                var ok = JapaneseDate.TryParseTime(input.Slots[i].Start, out var start);
                ok &= JapaneseDate.TryParseTime(input.Slots[i].End, out var end);
                if (!ok) errors.Add($"slots[{i}]", "meeting.invalid_time", "時刻は「10:00」の形で入力してください。");
                else if (end <= start) errors.Add($"slots[{i}]", "meeting.slot_end_before_start", $"終了時刻（{end:HH\\:mm}）が開始時刻（{start:HH\\:mm}）より前です。");
                else read.Add(new TimeSlot($"{start:HH\\:mm}", $"{end:HH\\:mm}"));
            }
            slots = [.. read.OrderBy(s => s.Start, StringComparer.Ordinal)];
        }

        var convening = input.Convening ?? [.. current?.Convening ?? []];
        foreach (var unknown in await organisations.UnknownAsync(tenantId, convening.Select(c => c.OrganisationId), cancellationToken))
            errors.Add("convening", "organisation.not_found", $"団体「{unknown}」が見つかりません。");
        convening = [.. convening.GroupBy(c => c.OrganisationId).Select(g => g.Last() with { Reason = Optional(g.Last().Reason) })];

        var attendance = current?.Attendance ?? Attendance.None;
        if (input.Attendance is { } a)
        {
            var counts = (a.Counts ?? []).Select(c => c with { Name = JapaneseText.Clean(c.Name) }).ToList();
            for (var i = 0; i < counts.Count; i++)
            {
                if (counts[i].Count < 0) errors.Add($"attendance.counts[{i}]", "meeting.negative_head_count", $"「{counts[i].Name}」の人数が負の数です。");
                if (counts[i].Name.Length == 0) errors.Add($"attendance.counts[{i}]", "meeting.head_count_name_required", "人数の内訳には団体名か市町村名を入れてください。");
            }
            if (a.Observers < 0) errors.Add("attendance.observers", "meeting.negative_head_count", "傍聴者数が負の数です。");
            if (a.StatedTotal < 0) errors.Add("attendance.statedTotal", "meeting.negative_head_count", "合計人数が負の数です。");
            if (counts.Count > Attendance.MaxCounts) errors.Add("attendance.counts", JapaneseNumber.TooLargeCode, $"人数の内訳は{Attendance.MaxCounts:N0}件までです。");
            TooLarge(counts.Select((c, i) => ($"attendance.counts[{i}]", (int?)c.Count, $"「{c.Name}」の人数"))
                .Append(("attendance.observers", a.Observers, "傍聴者数")).Append(("attendance.statedTotal", a.StatedTotal, "合計人数")), errors);
            attendance = new Attendance(counts, Names(a.Attendees), Names(a.Absentees), a.Observers ?? 0, a.StatedTotal);
        }
        var extra = ReadExtra(kinds.FirstOrDefault(k => k.Id == kind), input.Extra, current?.Extra, errors);
        var venue = input.Venue is null ? current?.Venue : Optional(input.Venue);
        errors.RefuseInvisible("venue", "会場", venue);
        var room = input.Room is null ? current?.Room : Optional(input.Room);
        if (venue?.Length > MaxTextLength || room?.Length > MaxTextLength) errors.Add("venue", "meeting.invalid_venue", "会場は200文字以内で入力してください。");
        errors.ThrowIfAny();

        return new Meeting(id, bodyId!, kind, title, date, slots, venue, room, current?.Status ?? MeetingStatus.Planned, convening, attendance,
            input.IsPublic ?? current?.IsPublic ?? false, input.MinutesPublic ?? current?.MinutesPublic ?? false, next,
            current?.HeldAt, current?.MinutesApprovedAt, current?.RecordSeq ?? 0, extra);
    }

    /// <summary>The kind's own fields: given values over current ones, numbers read in any width, unknown keys dropped.</summary>
    private static Dictionary<string, string>? ReadExtra(MeetingKind? kind, Dictionary<string, string?>? given, IReadOnlyDictionary<string, string>? current,
        ValidationErrors errors)
    {
        if (kind?.Fields is not { Count: > 0 } fields) return null;
        var values = new Dictionary<string, string>();
        foreach (var field in fields)
        {
            var raw = given is not null && given.TryGetValue(field.Id, out var g) ? g : current?.GetValueOrDefault(field.Id);
            var text = field.Type == MeetingFieldType.Number ? JapaneseText.Normalize(raw) : JapaneseText.Clean(raw);
            if (text.Length == 0)
            {
                if (field.Required) errors.Add($"extra.{field.Id}", "meeting.extra_required", $"「{field.Label}」を入力してください。");
                continue;
            }
            if (field.Type == MeetingFieldType.Number)
            {
                if (JapaneseNumber.Optional(text, errors, $"extra.{field.Id}", "meeting.invalid_extra", $"「{field.Label}」") is not null) values[field.Id] = text;
            }
            else if (text.Length > MaxTextLength) errors.Add($"extra.{field.Id}", "meeting.invalid_extra", $"「{field.Label}」は200文字以内で入力してください。");
            else values[field.Id] = text;
        }
        return values;
    }

    private static void TooLarge(IEnumerable<(string Field, int? Value, string Label)> numbers, ValidationErrors errors)
    {
        foreach (var (field, value, label) in numbers)
            if (value > Attendance.MaxHeadCount) errors.Add(field, JapaneseNumber.TooLargeCode, $"{label}は{Attendance.MaxHeadCount:N0}以下の数で入力してください。");
    }

    private static List<string> Names(List<string>? names) => (names ?? []).Select(JapaneseText.Clean).Where(n => n.Length > 0).ToList();

    private static string? Optional(string? text) => JapaneseText.CleanOrNull(text);
}
