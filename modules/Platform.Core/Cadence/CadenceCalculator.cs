using Platform.Core.Bodies;

namespace Platform.Core.Cadence;

public enum CadenceStatus
{
    Ok,
    Due,
    Overdue,

    /// <summary>No active body in the district: nothing to count, so neither due nor overdue (a body is to be
    /// registered first). Last, so that <see cref="CadenceCalculator.Worst"/> of bodies never yields it.</summary>
    NoBody,
}

/// <summary>How a body or a district is keeping its cadence in one fiscal year, with the reasons in Japanese.</summary>
[GenerateSerializer, Immutable]
public sealed record CadenceResult(
    int Held,
    int Planned,
    CadenceStatus Status,
    DateOnly? LastHeld,
    int? DaysSinceLastHeld,
    DateOnly? NextPlanned,
    IReadOnlyList<string> Reasons
);

/// <summary>
/// The cadence rules, in one place:
/// <list type="bullet">
/// <item>The interval a body may go without meeting is the fiscal year divided by its minimum number of meetings (3 a
/// year: 121 days).</item>
/// <item>In the current fiscal year, a body that meets even when there is no case is <c>overdue</c> once the days since
/// its last held meeting (or since the start of the year, if it has not met) exceed that interval, and <c>due</c>
/// within 30 days of it unless a meeting is planned before it ends. Any body is <c>due</c> while its held and planned
/// meetings together fall short of its minimum.</item>
/// <item>A past fiscal year is <c>overdue</c> if fewer meetings than the minimum were held; a future one is <c>due</c>
/// until enough are planned.</item>
/// <item>Going over the maximum is reported as a reason, not as a status: meeting more is not a failure.</item>
/// </list>
/// Held dates include the meetings of bodies that count towards this one, of the kinds that count
/// (<see cref="CountedKinds"/>).
/// </summary>
public static class CadenceCalculator
{
    public const int DueWindowDays = 30;

    /// <summary>
    /// The meeting kinds of <paramref name="owner"/>'s meetings that count towards <paramref name="body"/>: those
    /// <paramref name="body"/> names, or else the owner's regular meetings, 定例会議 and the kind the owner is named
    /// for (a network meeting body's 地域支援ネットワーク会議). A 説明会 or 幹事会 prepares a body; it is not one of
    /// its meetings.
    /// </summary>
    public static IReadOnlySet<string> CountedKinds(Body body, Body owner) =>
        body.CountedKinds.Count > 0
            ? body.CountedKinds.ToHashSet()
            : new HashSet<string> { RegularKind, owner.Kind ?? RegularKind };

    /// <summary>The kind a meeting has unless it says otherwise (定例会議).</summary>
    public const string RegularKind = "regular";

    public static int? IntervalDays(CadencePolicy policy) => policy.AtLeast is > 0 and var n ? 365 / n : null;

    public static CadenceResult Evaluate(
        CadencePolicy policy,
        FiscalYear year,
        DateOnly today,
        IReadOnlyCollection<DateOnly> held,
        IReadOnlyCollection<DateOnly> planned
    )
    {
        var heldInYear = held.Count(year.Contains);
        var upcoming = planned.Where(d => year.Contains(d) && d >= today).Order().ToList();
        var plannedInYear = year.End < today ? planned.Count(year.Contains) : upcoming.Count;
        var lastHeld = held.Where(d => d <= year.End && d <= today).Cast<DateOnly?>().Max();
        int? daysSince = lastHeld is { } last ? today.DayNumber - last.DayNumber : null;
        var reasons = new List<string>();
        var status = CadenceStatus.Ok;

        if (year.End < today)
        {
            if (policy.AtLeast is { } min && heldInYear < min)
            {
                status = CadenceStatus.Overdue;
                reasons.Add($"{year.Name}の開催は{heldInYear}回で、目標の{min}回に届きませんでした。");
            }
        }
        else if (year.Start > today)
        {
            if (policy.AtLeast is { } min && plannedInYear < min)
            {
                status = CadenceStatus.Due;
                reasons.Add(
                    $"{year.Name}の予定は{plannedInYear}回です。あと{min - plannedInYear}回の予定を立ててください。"
                );
            }
        }
        else
        {
            if (policy.MeetEvenWithoutCase && IntervalDays(policy) is { } interval)
            {
                var since = lastHeld ?? year.Start;
                var gap = today.DayNumber - since.DayNumber;
                var deadline = since.AddDays(interval);
                if (gap > interval)
                {
                    status = CadenceStatus.Overdue;
                    reasons.Add(
                        lastHeld is null
                            ? $"{year.Name}はまだ開催されていません（年度開始から{gap}日、目安は{interval}日以内）。"
                            : $"前回の開催から{gap}日が経過しています（目安は{interval}日以内）。"
                    );
                }
                else if (gap > interval - DueWindowDays && !upcoming.Any(d => d <= deadline))
                {
                    status = CadenceStatus.Due;
                    reasons.Add($"{Wareki.Format(deadline)}までに次の会議を開く目安です。予定を立ててください。");
                }
            }
            if (policy.AtLeast is { } min && heldInYear + plannedInYear < min)
            {
                if (status == CadenceStatus.Ok)
                    status = CadenceStatus.Due;
                reasons.Add(
                    $"{year.Name}の開催済み{heldInYear}回と予定{plannedInYear}回では、目標の{min}回に届きません。"
                );
            }
        }
        if (policy.AtMost is { } max && heldInYear + plannedInYear > max)
            reasons.Add($"開催済みと予定の合計が上限の{max}回を超えています。");
        return new CadenceResult(
            heldInYear,
            plannedInYear,
            status,
            lastHeld,
            daysSince,
            upcoming.Count > 0 ? upcoming[0] : null,
            reasons
        );
    }

    public static CadenceStatus Worst(IEnumerable<CadenceStatus> statuses) =>
        statuses.DefaultIfEmpty(CadenceStatus.Ok).Max();
}

/// <summary>The statuses as the pages name them.</summary>
public static class CadenceNames
{
    /// <summary>順調, 開催時期, 期限超過, or 協議体なし for a district with no active body (nothing is due there).</summary>
    public static string Japanese(string status) =>
        status switch
        {
            "ok" => "順調",
            "due" => "開催時期",
            "nobody" => "協議体なし",
            _ => "期限超過",
        };
}
