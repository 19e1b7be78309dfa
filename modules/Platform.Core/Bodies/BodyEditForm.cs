using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Core.Web;

namespace Platform.Core.Bodies;

/// <summary>
/// The body edit form's fields as typed: from the body when the form is first shown, from the post when it is shown
/// again with its refusal (nothing typed is lost).
/// </summary>
public sealed record BodyForm(
    string Name,
    string Tier,
    string Territory,
    string? DistrictId,
    string Status,
    string AtLeast,
    string AtMost,
    bool MeetEvenWithoutCase,
    IReadOnlyList<string> CountedKinds,
    IReadOnlyList<string> CountedBodyIds,
    Charter Charter
)
{
    public static readonly (string Key, string Label)[] Charter5W1H =
    [
        ("why", "WHY（なぜ）"),
        ("what", "WHAT（なにを）"),
        ("who", "WHO（だれが）"),
        ("where", "WHERE（どこで）"),
        ("when", "WHEN（いつ）"),
        ("how", "HOW（どうやって）"),
    ];

    public static BodyForm Of(Body b) =>
        new(
            b.Name,
            b.Tier.ToString(),
            b.Territory.ToString().ToLowerInvariant(),
            b.DistrictId,
            b.Status.ToString(),
            b.Cadence.AtLeast?.ToString() ?? "",
            b.Cadence.AtMost?.ToString() ?? "",
            b.Cadence.MeetEvenWithoutCase,
            b.CountedKinds,
            b.CountedBodyIds,
            b.Charter
        );

    public static BodyForm Of(IFormCollection f) =>
        new(
            f.Text("name") ?? "",
            f.Text("tier") ?? "",
            f.Text("territory") ?? "",
            f.Text("districtId"),
            f.Text("status") ?? "",
            f.Text("atLeast") ?? "",
            f.Text("atMost") ?? "",
            f.Text("meetEvenWithoutCase") is "true" or "on",
            f.All("countedKinds"),
            f.All("countedBodyIds"),
            new Charter(f.Text("why"), f.Text("what"), f.Text("who"), f.Text("where"), f.Text("when"), f.Text("how"))
        );

    /// <summary>The 5W1H item under <paramref name="key"/>.</summary>
    public string? CharterText(string key) =>
        key switch
        {
            "why" => Charter.Why,
            "what" => Charter.What,
            "who" => Charter.Who,
            "where" => Charter.Where,
            "when" => Charter.When,
            _ => Charter.How,
        };

    /// <summary>
    /// The change to send to <see cref="BodyRules"/>, and what the form itself refuses (numbers and choices that are
    /// not ones); every list is sent, so an unticked box clears.
    /// </summary>
    public (BodyInput Input, ValidationErrors Refusal) ToInput()
    {
        var errors = new ValidationErrors();
        var tier = Read(Tier);
        if (Tier.Length > 0 && tier is null)
            errors.Add("tier", "body.invalid_tier", "層は1〜3で指定してください。");
        var atLeast = Read(AtLeast);
        var atMost = Read(AtMost);
        if ((AtLeast.Length > 0 && atLeast is null) || (AtMost.Length > 0 && atMost is null))
            errors.Add("cadence", "body.invalid_cadence", "年度あたりの開催回数は数字（例：3）で入力してください。");
        Territory? territory = Enum.TryParse<Territory>(Territory, ignoreCase: true, out var t) ? t : null;
        BodyStatus? status = Enum.TryParse<BodyStatus>(Status, ignoreCase: true, out var s) ? s : null;
        var input = new BodyInput(
            Name: Name,
            Tier: tier,
            Territory: territory,
            DistrictId: DistrictId ?? "",
            Status: status,
            Cadence: new CadencePolicy(atLeast, atMost, MeetEvenWithoutCase),
            Charter: Charter,
            CountedBodyIds: [.. CountedBodyIds]
        )
        {
            CountedKinds = [.. CountedKinds],
        };
        return (input, errors);
    }

    /// <summary>The kinds the page offers: those in effect for the body, and any it already names.</summary>
    public IReadOnlyList<MeetingKind> Offered(IReadOnlyList<MeetingKind> inEffect, IReadOnlyList<MeetingKind> all) =>
        [.. inEffect, .. all.Where(k => CountedKinds.Contains(k.Id) && inEffect.All(e => e.Id != k.Id))];

    private static int? Read(string text) => int.TryParse(JapaneseText.Normalize(text), out var n) ? n : null;
}
