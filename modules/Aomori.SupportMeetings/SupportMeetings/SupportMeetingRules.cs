using Aomori.SupportMeetings.Rollout;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Errors;
using Platform.Abstractions.People;
using Platform.Abstractions.Text;

namespace Aomori.SupportMeetings.SupportMeetings;

/// <summary>
/// The one place where the module's inputs are checked: the promoters a new support meeting names, and a roll-out
/// step recorded by hand. <see cref="SupportMeetingBodies"/> and <see cref="RolloutService"/> only write.
/// </summary>
public sealed class SupportMeetingRules(IPeople people)
{
    /// <summary>Every promoter named who is not among the tenant's people.</summary>
    public async Task<ValidationErrors> CheckAsync(
        string tenantId,
        CreateInput? input,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        if (input?.PromoterIds is not { Count: > 0 } promoterIds)
            return errors;
        var everyone = await people.ListAsync(tenantId, cancellationToken);
        foreach (var unknown in promoterIds.Where(id => everyone.All(p => p.Id != id)))
            errors.Add("promoterIds", "person.not_found", $"推進員「{unknown}」が見つかりません。");
        return errors;
    }

    /// <summary>The step and its record that <paramref name="input"/> makes, or every failing field.</summary>
    public static (RolloutStep? Step, StepRecord? Record, ValidationErrors Refusal) Check(RolloutInput input)
    {
        var errors = new ValidationErrors();
        if (input.Step is null)
            errors.Add("step", "rollout.step_required", "段階（1〜4）を指定してください。");
        var date = JapaneseDate.Optional(input.Date, errors, "date", "rollout.invalid_date", "日付");
        if (errors.Any)
            return (null, null, errors);
        return (input.Step, new StepRecord(date, null, input.Note?.Trim()), errors);
    }

    /// <summary>The step and target month that <paramref name="input"/> sets (a null month clears the target), or every
    /// failing field.</summary>
    public static (RolloutStep? Step, DateOnly? Month, ValidationErrors Refusal) Check(RolloutTargetInput input)
    {
        var errors = new ValidationErrors();
        // NFKC reads ① and full-width digits as 1.
        var stepText = JapaneseText.Normalize(input.Step).Trim();
        RolloutStep? step = int.TryParse(stepText, out var n) && Enum.IsDefined((RolloutStep)n) ? (RolloutStep)n : null;
        if (step is null)
            errors.Add("step", "rollout.step_required", "段階（1〜4）を指定してください。");
        DateOnly? month = null;
        if (!string.IsNullOrWhiteSpace(input.Month))
        {
            // A target is a month: 平成31年2月 or 2019-02, read as its first day; a day or a fiscal year is not one.
            if (
                DatePrecisions.TryParse(input.Month, out var first, out var precision)
                && precision == DatePrecision.Month
            )
                month = first;
            else
                errors.Add(
                    "month",
                    "rollout.invalid_month",
                    $"目標月「{input.Month}」は正しい年月ではありません。例：令和8年4月"
                );
        }
        return errors.Any ? (null, null, errors) : (step, month, errors);
    }

    /// <summary>Meetings are scheduled on the district's support meeting, which must be registered first.</summary>
    public static PlatformException NotSetUp() =>
        new(
            409,
            "support_meeting.not_set_up",
            "この地区の地域支え合い会議がまだ登録されていません。",
            "地区の「地域支え合い会議」ページで、5W1Hから会議を登録してください。"
        );
}
