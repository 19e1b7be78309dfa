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
/// "note": …}, …]}}</c>. Steps are recorded in order, as a person would; a step given by its meeting takes the
/// meeting's date.
/// </summary>
public sealed class SupportMeetingSeeder(RolloutService rollout, IMeetings meetings) : IModuleSeeder
{
    private sealed record SeedStep(
        RolloutStep Step,
        string? MeetingId = null,
        string? Date = null,
        string? Note = null
    );

    public async Task SeedAsync(TenantInfo tenant, JsonObject content, CancellationToken cancellationToken)
    {
        var plan = content["rollout"].Deserialize<Dictionary<string, List<SeedStep>>>(SeedJson.Options) ?? [];
        foreach (var (districtId, steps) in plan)
        foreach (var step in steps.OrderBy(s => s.Step))
        {
            DateOnly? date = step.Date is not null && JapaneseDate.TryParseDate(step.Date, out var d) ? d : null;
            if (step.MeetingId is not null)
                date = (await meetings.GetAsync(tenant.Id, step.MeetingId, cancellationToken)).Date;
            await rollout.RecordAsync(
                tenant.Id,
                districtId,
                step.Step,
                new StepRecord(date, step.MeetingId, step.Note),
                strict: true
            );
        }
    }
}
