using Platform.Abstractions.Calendar;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Core.Bodies;
using Platform.Core.Organisations;
using Platform.Core.Privacy;
using Platform.Core.Storage;

namespace Platform.Core.Meetings;

/// <summary>
/// The one place where a <see cref="MeetingInput"/> is checked and turned into a meeting, and where a status change
/// and a handout are checked: the API, the SDK's <c>IMeetings</c>, the import and the seed loader all come here before
/// <see cref="MeetingStore"/> writes.
/// </summary>
public sealed class MeetingRules(MeetingStore meetings, BodyStore bodies, OrganisationStore organisations)
{
    public const int MaxTextLength = MeetingStore.MaxTextLength;

    /// <summary>
    /// The meeting that <paramref name="input"/> makes of <paramref name="current"/> (null for a new one), or every
    /// failing field.
    /// </summary>
    public async Task<(Meeting? Meeting, ValidationErrors Refusal)> CheckAsync(
        string tenantId,
        string id,
        MeetingInput input,
        IReadOnlyList<MeetingKind> kinds,
        Meeting? current,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        var bodyId = string.IsNullOrWhiteSpace(input.BodyId) ? current?.BodyId : input.BodyId.Trim();
        Body? body = null;
        if (bodyId is null)
            errors.Add("bodyId", "meeting.body_required", "会議を開く協議体を指定してください。");
        else if ((body = await bodies.FindAsync(tenantId, bodyId, cancellationToken)) is null)
            errors.Add("bodyId", "body.not_found", "協議体が見つかりません。");
        var kind = string.IsNullOrWhiteSpace(input.Kind) ? current?.Kind ?? "regular" : input.Kind.Trim();
        if (kinds.All(k => k.Id != kind))
            errors.Add("kind", "meeting.unknown_kind", $"会議の種類「{kind}」はありません。");

        var title = input.Title is null ? current?.Title ?? body?.Name ?? "" : JapaneseText.Clean(input.Title);
        if (title.Length is 0 or > MaxTextLength)
            errors.Add("title", "meeting.invalid_title", "会議名を200文字以内で入力してください。");
        errors.RefuseInvisible("title", "会議名", title);

        var (read, readPrecision) = ReadDate(input.Date, current, errors);
        var precision = input.DatePrecision ?? readPrecision;
        var date = DatePrecisions.Start(read, precision);
        // Not sent: unchanged; sent blank: cleared.
        var next = input.NextMeetingDate is null
            ? current?.NextMeetingDate
            : JapaneseDate.Optional(
                input.NextMeetingDate,
                errors,
                "nextMeetingDate",
                "meeting.invalid_date",
                "次回開催日"
            );
        var slots = input.Slots is null ? current?.Slots ?? [] : ReadSlots(input.Slots, errors);

        var convening = input.Convening ?? [.. current?.Convening ?? []];
        var organisationIds = convening.Select(c => c.OrganisationId);
        foreach (var unknown in await organisations.UnknownAsync(tenantId, organisationIds, cancellationToken))
            errors.Add("convening", "organisation.not_found", $"団体「{unknown}」が見つかりません。");
        convening =
        [
            .. convening
                .GroupBy(c => c.OrganisationId)
                .Select(g => g.Last() with { Reason = Optional(g.Last().Reason) }),
        ];

        var attendance = input.Attendance is { } a
            ? ReadAttendance(a, current?.Attendance, errors)
            : current?.Attendance ?? Attendance.None;
        var extra = ReadExtra(kinds.FirstOrDefault(k => k.Id == kind), input.Extra, current?.Extra, errors);
        var venue = input.Venue is null ? current?.Venue : Optional(input.Venue);
        errors.RefuseInvisible("venue", "会場", venue);
        var room = input.Room is null ? current?.Room : Optional(input.Room);
        if (venue?.Length > MaxTextLength || room?.Length > MaxTextLength)
            errors.Add("venue", "meeting.invalid_venue", "会場は200文字以内で入力してください。");
        if (errors.Any)
            return (null, errors);

        return (
            new Meeting(
                id,
                bodyId!,
                kind,
                title,
                date,
                slots,
                venue,
                room,
                current?.Status ?? MeetingStatus.Planned,
                convening,
                attendance,
                input.IsPublic ?? current?.IsPublic ?? false,
                input.MinutesPublic ?? current?.MinutesPublic ?? false,
                next,
                current?.HeldAt,
                current?.MinutesApprovedAt,
                current?.RecordSeq ?? 0,
                extra
            )
            {
                DatePrecision = precision,
            },
            errors
        );
    }

    /// <summary>
    /// A fiscal year's meetings of a body from a template and a list of dates: all of them, or every failing field
    /// (one wrong date plans none).
    /// </summary>
    public async Task<(IReadOnlyList<Meeting>? Meetings, ValidationErrors Refusal)> CheckPlanAsync(
        string tenantId,
        string bodyId,
        MeetingInput template,
        IReadOnlyList<string?> dates,
        IReadOnlyList<MeetingKind> kinds,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        if (dates.Count is 0 or > 24)
            errors.Add("dates", "meeting.invalid_plan", "予定日を1〜24件指定してください。");
        var parsed = new List<DateOnly>();
        for (var i = 0; i < dates.Count; i++)
        {
            if (!JapaneseNumber.CheckDigits(dates[i], errors, $"dates[{i}]", "予定日"))
                continue;
            if (JapaneseDate.TryParseDate(dates[i], out var date))
                parsed.Add(date);
            else
                errors.Add($"dates[{i}]", "meeting.invalid_date", $"「{dates[i]}」は正しい日付ではありません。");
        }
        if (errors.Any)
            return (null, errors);
        var body = await bodies.GetAsync(tenantId, bodyId, cancellationToken);
        var planned = new List<Meeting>();
        for (var i = 0; i < parsed.Count; i++)
        {
            var title = string.IsNullOrWhiteSpace(template.Title)
                ? $"{body.Name}（第{i + 1}回）"
                : $"{JapaneseText.Clean(template.Title)}（第{i + 1}回）";
            var input = template with { BodyId = bodyId, Title = title, Date = Clock.Iso(parsed[i]) };
            var (meeting, refusal) = await CheckAsync(tenantId, Ids.New(), input, kinds, null, cancellationToken);
            if (meeting is null)
                return (null, refusal);
            planned.Add(meeting);
        }
        return (planned, errors);
    }

    /// <summary>
    /// Whether a meeting may move to <paramref name="status"/>: planned → held → minutes approved (or cancelled);
    /// null when it may, else the refusal.
    /// </summary>
    public static PlatformException? CheckStatus(Meeting meeting, MeetingStatus status, DateOnly today)
    {
        if (meeting.Status == status)
            return null;
        var allowed = (meeting.Status, status) switch
        {
            (MeetingStatus.Planned, MeetingStatus.Held or MeetingStatus.Cancelled) => true,
            // Undoing 開催済み marked by mistake: the record stays, the meeting is planned again.
            (MeetingStatus.Held, MeetingStatus.MinutesApproved or MeetingStatus.Planned) => true,
            (MeetingStatus.MinutesApproved, MeetingStatus.Held) => true,
            (MeetingStatus.Cancelled, MeetingStatus.Planned) => true,
            _ => false,
        };
        if (!allowed)
            return new PlatformException(
                409,
                "meeting.invalid_transition",
                "この状態には変更できません。",
                $"「{meeting.Status.Japanese()}」の会議を「{status.Japanese()}」にすることはできません。"
            );
        if (status == MeetingStatus.Held && meeting.Date > today)
            return new PlatformException(
                409,
                "meeting.held_in_future",
                "まだ開催日になっていません。",
                $"開催日（{Wareki.Format(meeting.Date)}）を過ぎてから「開催済み」にしてください。"
                    + "日付が変わった場合は先に開催日を修正してください。"
            );
        return null;
    }

    /// <summary>
    /// The reason for a status change, cleaned: reopening a confirmed 概要 (訂正) needs one, which the 概要 shows.
    /// </summary>
    public static (string? Reason, ValidationErrors Refusal) CheckReason(
        Meeting meeting,
        MeetingStatus status,
        string? reason
    )
    {
        var errors = new ValidationErrors();
        var text = JapaneseText.CleanOrNull(reason, 400);
        errors.RefuseInvisible("reason", "理由", text);
        if (meeting.Status == MeetingStatus.MinutesApproved && status == MeetingStatus.Held && text is null)
            errors.Add(
                "reason",
                "meeting.reason_required",
                "確定した概要を訂正する理由を入力してください。理由は概要に「訂正」として載ります。"
            );
        return (text, errors);
    }

    /// <summary>A handout as it will be stored, or every failing field.</summary>
    public static (Handout? Handout, PersonalBasis? Basis, ValidationErrors Refusal) CheckHandout(
        string fileName,
        string? contentType,
        int size,
        Sensitivity? sensitivity,
        PersonalBasis? basis
    )
    {
        var errors = new ValidationErrors();
        var (level, checkedBasis) = PersonalBasis.Check(sensitivity, basis, errors);
        var name = FileNames.Clean(fileName);
        if (size == 0)
            errors.Add("file", "handout.empty", "空のファイルは登録できません。");
        if (size > HandoutStore.MaxBytes)
            errors.Add("file", "handout.too_large", "配布資料は1件20MBまでです。");
        if (errors.Any)
            return (null, null, errors);
        var type = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType;
        return (new Handout(Ids.New(), name, type, size, Clock.Now(), level), checkedBasis, errors);
    }

    /// <summary>Checks and writes a new meeting; a refusal is thrown (for callers outside a request handler).</summary>
    /// <param name="check">Asked about the checked meeting before it is written (modules' scheduling rules).</param>
    public async Task<Meeting> CreateAsync(
        string tenantId,
        MeetingInput input,
        IReadOnlyList<MeetingKind> kinds,
        string? id = null,
        Func<Meeting, Task>? check = null,
        CancellationToken cancellationToken = default
    )
    {
        var meeting = await PrepareAsync(tenantId, input, kinds, id ?? Ids.New(), cancellationToken);
        if (check is not null)
            await check(meeting);
        await meetings.CreateAsync(tenantId, meeting, cancellationToken);
        return meeting;
    }

    /// <summary>
    /// Checks a meeting without writing it (an import writes many things in one transaction); throws a refusal.
    /// </summary>
    public async Task<Meeting> PrepareAsync(
        string tenantId,
        MeetingInput input,
        IReadOnlyList<MeetingKind> kinds,
        string id,
        CancellationToken cancellationToken = default
    )
    {
        var (meeting, refusal) = await CheckAsync(tenantId, id, input, kinds, current: null, cancellationToken);
        refusal.ThrowIfAny();
        return meeting!;
    }

    /// <summary>Checks and makes a status change; a refusal is thrown.</summary>
    public async Task<Meeting> SetStatusAsync(
        string tenantId,
        string meetingId,
        MeetingStatus status,
        DateOnly today,
        CancellationToken cancellationToken = default
    )
    {
        var meeting = await meetings.GetAsync(tenantId, meetingId, cancellationToken);
        if (CheckStatus(meeting, status, today) is { } refusal)
            throw refusal;
        return await meetings.SetStatusAsync(tenantId, meeting, status, cancellationToken);
    }

    /// <summary>The day, or the month or fiscal year when that is all a source gives (平成31年2月, 平成30年度): the record
    /// keeps what is known and invents no day.</summary>
    private static (DateOnly Date, DatePrecision Precision) ReadDate(
        string? text,
        Meeting? current,
        ValidationErrors errors
    )
    {
        var date = current?.Date ?? default;
        var precision = current?.DatePrecision ?? DatePrecision.Day;
        if (text is null && current is not null)
            return (date, precision);
        if (string.IsNullOrWhiteSpace(text))
            errors.Add("date", "meeting.date_required", "開催日を入力してください。");
        else if (
            JapaneseNumber.CheckDigits(text, errors, "date", "開催日")
            && !DatePrecisions.TryParse(text, out date, out precision)
        )
            errors.Add("date", "meeting.invalid_date", $"開催日「{text}」は正しい日付ではありません。");
        return (date, precision);
    }

    private static List<TimeSlot> ReadSlots(List<SlotInput> slots, ValidationErrors errors)
    {
        var read = new List<TimeSlot>();
        for (var i = 0; i < slots.Count; i++)
        {
            var field = $"slots[{i}]";
            if (!JapaneseNumber.CheckDigits(slots[i].Start + " " + slots[i].End, errors, field, "時刻"))
                continue;
            var startOk = JapaneseDate.TryParseTime(slots[i].Start, out var start);
            var endOk = JapaneseDate.TryParseTime(slots[i].End, out var end);
            if (!startOk || !endOk)
                errors.Add(field, "meeting.invalid_time", TimeRefusal(i, slots[i], startOk, endOk));
            else if (end <= start)
                errors.Add(
                    field,
                    "meeting.slot_end_before_start",
                    $"終了時刻（{end:HH\\:mm}）が開始時刻（{start:HH\\:mm}）より前です。"
                );
            else
                read.Add(new TimeSlot($"{start:HH\\:mm}", $"{end:HH\\:mm}"));
        }
        return [.. read.OrderBy(s => s.Start, StringComparer.Ordinal)];
    }

    /// <summary>Names the box that could not be read (時間1の開始 …), so that the message makes sense beside the form.
    /// </summary>
    private static string TimeRefusal(int index, SlotInput slot, bool startOk, bool endOk)
    {
        var which = new List<string>();
        if (!startOk)
            which.Add(string.IsNullOrWhiteSpace(slot.Start) ? "開始時刻（空欄）" : $"開始時刻「{slot.Start}」");
        if (!endOk)
            which.Add(string.IsNullOrWhiteSpace(slot.End) ? "終了時刻（空欄）" : $"終了時刻「{slot.End}」");
        return $"時間{index + 1}の{string.Join("と", which)}を時刻として読めません。"
            + "「13:30」「13時30分」の形で入力してください。";
    }

    private static Attendance ReadAttendance(AttendanceInput a, Attendance? current, ValidationErrors errors)
    {
        var counts = (a.Counts ?? []).Select(c => c with { Name = JapaneseText.Clean(c.Name) }).ToList();
        for (var i = 0; i < counts.Count; i++)
        {
            var field = $"attendance.counts[{i}]";
            if (counts[i].Count < 0)
                errors.Add(field, "meeting.negative_head_count", $"「{counts[i].Name}」の人数が負の数です。");
            if (counts[i].Name.Length == 0)
                errors.Add(
                    field,
                    "meeting.head_count_name_required",
                    "人数の内訳には団体名か市町村名を入れてください。"
                );
        }
        if (a.Observers < 0)
            errors.Add("attendance.observers", "meeting.negative_head_count", "傍聴者数が負の数です。");
        if (a.StatedTotal < 0)
            errors.Add("attendance.statedTotal", "meeting.negative_head_count", "合計人数が負の数です。");
        if (counts.Count > Attendance.MaxCounts)
            errors.Add(
                "attendance.counts",
                JapaneseNumber.TooLargeCode,
                $"人数の内訳は{Attendance.MaxCounts:N0}件までです。"
            );
        TooLarge(
            counts
                .Select((c, i) => ($"attendance.counts[{i}]", (int?)c.Count, $"「{c.Name}」の人数"))
                .Append(("attendance.observers", a.Observers, "傍聴者数"))
                .Append(("attendance.statedTotal", a.StatedTotal, "合計人数")),
            errors
        );
        // Advisors and members come from imported documents: a form that does not list them keeps them.
        return new Attendance(counts, Names(a.Attendees), Names(a.Absentees), a.Observers ?? 0, a.StatedTotal)
        {
            Advisors = a.Advisors is null ? current?.Advisors ?? [] : Names(a.Advisors),
            Members = a.Members is null ? current?.Members ?? [] : Names(a.Members),
        };
    }

    /// <summary>
    /// The kind's own fields: given values over current ones, numbers read in any width, unknown keys dropped.
    /// </summary>
    private static Dictionary<string, string>? ReadExtra(
        MeetingKind? kind,
        Dictionary<string, string?>? given,
        IReadOnlyDictionary<string, string>? current,
        ValidationErrors errors
    )
    {
        if (kind?.Fields is not { Count: > 0 } fields)
            return null;
        var values = new Dictionary<string, string>();
        foreach (var field in fields)
        {
            var raw =
                given is not null && given.TryGetValue(field.Id, out var g) ? g : current?.GetValueOrDefault(field.Id);
            var text = field.Type == MeetingFieldType.Number ? JapaneseText.Normalize(raw) : JapaneseText.Clean(raw);
            var key = $"extra.{field.Id}";
            if (text.Length == 0)
            {
                if (field.Required)
                    errors.Add(key, "meeting.extra_required", $"「{field.Label}」を入力してください。");
                continue;
            }
            if (field.Type == MeetingFieldType.Number)
            {
                if (
                    JapaneseNumber.Optional(text, errors, key, "meeting.invalid_extra", $"「{field.Label}」")
                    is not null
                )
                    values[field.Id] = text;
            }
            else if (text.Length > MaxTextLength)
                errors.Add(key, "meeting.invalid_extra", $"「{field.Label}」は200文字以内で入力してください。");
            else
                values[field.Id] = text;
        }
        return values;
    }

    private static void TooLarge(IEnumerable<(string Field, int? Value, string Label)> numbers, ValidationErrors errors)
    {
        foreach (var (field, value, label) in numbers)
            if (value > Attendance.MaxHeadCount)
                errors.Add(
                    field,
                    JapaneseNumber.TooLargeCode,
                    $"{label}は{Attendance.MaxHeadCount:N0}以下の数で入力してください。"
                );
    }

    private static List<string> Names(List<string>? names) =>
        (names ?? []).Select(JapaneseText.Clean).Where(n => n.Length > 0).ToList();

    private static string? Optional(string? text) => JapaneseText.CleanOrNull(text);
}
