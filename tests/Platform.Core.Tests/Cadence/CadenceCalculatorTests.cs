using Platform.Core.Bodies;
using Platform.Core.Cadence;

namespace Platform.Core.Tests.Cadence;

public class CadenceCalculatorTests
{
    private static readonly CadencePolicy ThreeToFour = new(3, 4, MeetEvenWithoutCase: true);
    private static readonly FiscalYear Fy2019 = new(2019);

    private static DateOnly D(string iso) => DateOnly.Parse(iso);

    [Fact]
    public void Meetings_on_time_with_enough_planned_are_ok()
    {
        var result = CadenceCalculator.Evaluate(
            ThreeToFour,
            Fy2019,
            D("2019-09-01"),
            [D("2019-06-10")],
            [D("2019-10-01"), D("2020-01-20")]
        );

        Assert.Equal(CadenceStatus.Ok, result.Status);
        Assert.Equal((1, 2, 83), (result.Held, result.Planned, result.DaysSinceLastHeld!.Value));
    }

    [Fact]
    public void A_gap_longer_than_the_interval_is_overdue()
    {
        // 365 / 3 = 121 days; 2019-06-10 + 150 days.
        var result = CadenceCalculator.Evaluate(
            ThreeToFour,
            Fy2019,
            D("2019-11-07"),
            [D("2019-06-10")],
            [D("2020-01-20"), D("2020-03-01")]
        );

        Assert.Equal(CadenceStatus.Overdue, result.Status);
        Assert.Contains("150日", result.Reasons[0]);
    }

    [Fact]
    public void Nearing_the_interval_without_a_planned_meeting_is_due()
    {
        var result = CadenceCalculator.Evaluate(
            ThreeToFour,
            Fy2019,
            D("2019-09-20"),
            [D("2019-06-10")],
            [D("2019-12-01"), D("2020-02-01")]
        );

        Assert.Equal(CadenceStatus.Due, result.Status);
    }

    [Fact]
    public void Too_few_held_and_planned_is_due_even_without_a_gap()
    {
        var result = CadenceCalculator.Evaluate(ThreeToFour, Fy2019, D("2019-07-01"), [D("2019-06-10")], []);

        Assert.Equal(CadenceStatus.Due, result.Status);
    }

    [Fact]
    public void A_past_year_below_the_minimum_is_overdue_and_meetings_of_counted_bodies_count()
    {
        var fy2018 = new FiscalYear(2018);
        var shinjo = new[] { D("2018-10-26"), D("2018-11-22") };

        Assert.Equal(
            CadenceStatus.Overdue,
            CadenceCalculator.Evaluate(ThreeToFour, fy2018, D("2026-11-22"), shinjo, []).Status
        );
        Assert.Equal(
            CadenceStatus.Ok,
            CadenceCalculator.Evaluate(ThreeToFour, fy2018, D("2026-11-22"), [.. shinjo, D("2019-02-01")], []).Status
        );
    }

    [Fact]
    public void Going_over_the_maximum_is_a_reason_not_a_status()
    {
        var held = new[] { D("2019-04-10"), D("2019-05-10"), D("2019-06-10"), D("2019-07-10"), D("2019-08-10") };

        var result = CadenceCalculator.Evaluate(ThreeToFour, Fy2019, D("2019-08-20"), held, []);

        Assert.Equal(CadenceStatus.Ok, result.Status);
        Assert.Contains(result.Reasons, r => r.Contains("上限"));
    }

    [Fact]
    public void A_body_that_meets_only_for_cases_is_not_overdue_for_a_gap()
    {
        var result = CadenceCalculator.Evaluate(
            new CadencePolicy(1, null, MeetEvenWithoutCase: false),
            Fy2019,
            D("2020-02-01"),
            [D("2019-04-10")],
            []
        );

        Assert.Equal(CadenceStatus.Ok, result.Status);
    }
}
