using System.Text.Json;
using System.Text.Json.Nodes;
using Aomori.SupportMeetings.Rollout;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Seeds;
using Platform.Abstractions.Tenancy;

namespace Aomori.SupportMeetings.SupportMeetings;

/// <summary>
/// The module's part of a demo tenant: <c>{"rollout": {"&lt;district&gt;": [{"step": 1, "meetingId": …, "date": …,
/// "note": …}, …]}, "targets": {"&lt;district&gt;": [{"step": 1, "month": "2019-04" | "+1"}]}}</c>. Steps are recorded
/// in order, as a person would; a step given by its meeting takes the meeting's date. A target month written "+n" or
/// "-n" counts months from the day the demo is loaded: the source's own plan is long past, and the demo needs a board
/// where one district is behind and others are not, whenever it is opened.
/// </summary>
public sealed class SupportMeetingSeeder(RolloutService rollout, IMeetings meetings, TimeProvider time) : IModuleSeeder
{
    private sealed record SeedStep(
        RolloutStep Step,
        string? MeetingId = null,
        string? Date = null,
        string? Note = null
    );

    private sealed record SeedTarget(RolloutStep Step, string Month);

    public async Task SeedAsync(TenantInfo tenant, JsonObject content, CancellationToken cancellationToken)
    {
        var targets = content["targets"].Deserialize<Dictionary<string, List<SeedTarget>>>(SeedJson.Options) ?? [];
        var today = Clock.TodayInJapan(time);
        foreach (var (districtId, list) in targets)
        foreach (var target in list)
            await rollout.PlanAsync(tenant.Id, districtId, target.Step, MonthOf(target.Month, today));
        var plan = content["rollout"].Deserialize<Dictionary<string, List<SeedStep>>>(SeedJson.Options) ?? [];
        foreach (var (districtId, steps) in plan)
        foreach (var step in steps.OrderBy(s => s.Step))
        {
            DateOnly? date = step.Date is not null && JapaneseDate.TryParseDate(step.Date, out var d) ? d : null;
            var precision = DatePrecision.Day;
            if (step.MeetingId is not null)
            {
                var meeting = await meetings.GetAsync(tenant.Id, step.MeetingId, cancellationToken);
                (date, precision) = (meeting.Date, meeting.DatePrecision);
            }
            await rollout.RecordAsync(
                tenant.Id,
                districtId,
                step.Step,
                new StepRecord(date, step.MeetingId, step.Note, precision),
                strict: true
            );
        }
    }

    private static DateOnly MonthOf(string month, DateOnly today) =>
        month[0] is '+' or '-'
            ? today.AddMonths(int.Parse(month, System.Globalization.CultureInfo.InvariantCulture))
            : DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
