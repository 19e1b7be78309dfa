using Platform.Abstractions.Bodies;
using Platform.Core.Cadence;

namespace Platform.Core.Tests.Cadence;

/// <summary>Which meetings count towards a body's fiscal year: by kinds the body names, by default its regular
/// ones.</summary>
public class CadenceKindsTests
{
    private static Body Make(string id, string? kind, IReadOnlyList<string>? counted = null) =>
        new(
            id,
            id,
            kind,
            2,
            Territory.District,
            "d",
            null,
            BodyStatus.Active,
            new CadencePolicy(3, 4, true),
            new Charter(),
            [],
            [],
            []
        )
        {
            CountedKinds = counted ?? [],
        };

    [Fact]
    public void By_default_a_body_counts_its_regular_meetings_and_not_a_briefing()
    {
        var support = Make("support", "support-meeting");

        var kinds = CadenceCalculator.CountedKinds(support, support);

        Assert.Contains("regular", kinds);
        Assert.DoesNotContain("briefing", kinds);
        Assert.DoesNotContain("steering-committee", kinds);
    }

    [Fact]
    public void By_default_a_counted_body_counts_with_the_kind_it_is_named_for()
    {
        var support = Make("support", "support-meeting");
        var network = Make("network", "network-meeting");

        var kinds = CadenceCalculator.CountedKinds(support, network);

        Assert.Equal(new HashSet<string> { "regular", "network-meeting" }, kinds.ToHashSet());
    }

    [Fact]
    public void Kinds_the_body_names_replace_the_default_for_its_own_and_counted_meetings()
    {
        var support = Make("support", "support-meeting", ["regular", "briefing"]);
        var network = Make("network", "network-meeting");

        Assert.Equal(new HashSet<string> { "regular", "briefing" }, CadenceCalculator.CountedKinds(support, support));
        Assert.DoesNotContain("network-meeting", CadenceCalculator.CountedKinds(support, network));
    }

    [Fact]
    public void A_district_without_an_active_body_is_named_as_such_not_as_due()
    {
        Assert.Equal("協議体なし", CadenceNames.Japanese(CadenceStatus.NoBody.ToString().ToLowerInvariant()));
        Assert.Equal("開催時期", CadenceNames.Japanese("due"));
        Assert.Equal(CadenceStatus.Overdue, CadenceCalculator.Worst([CadenceStatus.Ok, CadenceStatus.Overdue]));
    }
}
