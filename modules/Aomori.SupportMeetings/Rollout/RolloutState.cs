using System.Text.Json;
using Platform.Abstractions.Calendar;

namespace Aomori.SupportMeetings.Rollout;

/// <summary>The steps by which a district starts its support meetings (今後の展開 ①〜④ of Aomori's design).</summary>
public enum RolloutStep
{
    OfficersMeeting = 1,
    Briefing = 2,
    DistrictDecision = 3,
    FirstMeeting = 4,
}

/// <summary>When a step was done (to the precision its source gives), by which meeting if one was recorded, and a
/// note when no meeting was.</summary>
public sealed record StepRecord(
    DateOnly? Date = null,
    string? MeetingId = null,
    string? Note = null,
    DatePrecision Precision = DatePrecision.Day
)
{
    public string? DateText => Date is { } d ? DatePrecisions.Format(d, Precision, weekday: false) : null;
}

/// <summary>A district's roll-out, kept by its district grain as module state: the steps done and the month by which
/// the coordinator plans each (the first day of that month).</summary>
public sealed record RolloutState(
    Dictionary<RolloutStep, StepRecord> Steps,
    Dictionary<RolloutStep, DateOnly>? Targets = null
)
{
    public static readonly RolloutState Empty = new([]);

    /// <summary>Not done, and its target month is over.</summary>
    public bool IsLate(RolloutStep step, DateOnly today) =>
        !IsDone(step) && Targets is not null && Targets.TryGetValue(step, out var month) && month.AddMonths(1) <= today;

    /// <summary>Done, but in a month after its target's.</summary>
    public bool DoneLate(RolloutStep step) =>
        Steps.GetValueOrDefault(step)?.Date is { } done
        && Targets is not null
        && Targets.TryGetValue(step, out var month)
        && done >= month.AddMonths(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsDone(RolloutStep step) => Steps.ContainsKey(step);

    /// <summary>The last step of the unbroken run from ①; 0 before ①.</summary>
    public int Reached => Enum.GetValues<RolloutStep>().TakeWhile(IsDone).Select(s => (int)s).DefaultIfEmpty(0).Max();

    /// <summary>Steps done after one that is missing: shown on the board so that the missing one gets
    /// recorded.</summary>
    public IEnumerable<RolloutStep> Unrecorded =>
        Enum.GetValues<RolloutStep>()
            .Where(s => (int)s <= Steps.Keys.Select(k => (int)k).DefaultIfEmpty(0).Max() && !IsDone(s));

    public RolloutStep? Next => Reached >= 4 ? null : (RolloutStep)(Reached + 1);

    public static RolloutState Parse(string? json) =>
        json is null ? Empty : JsonSerializer.Deserialize<RolloutState>(json, Json) ?? Empty;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static string Japanese(RolloutStep step) =>
        step switch
        {
            RolloutStep.OfficersMeeting => "① 地区社協役員との打合せ（会議の趣旨説明、招集範囲、開催時期、開催場所等）",
            RolloutStep.Briefing => "② 市及び市社協による地区への説明会",
            RolloutStep.DistrictDecision => "③ 会議の進め方について地区での話し合い",
            _ => "④ 地区での第1回支え合い会議開催",
        };
}
