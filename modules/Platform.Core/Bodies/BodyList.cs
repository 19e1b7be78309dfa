using Platform.Abstractions.Export;

namespace Platform.Core.Bodies;

/// <summary>The bodies list's filter links and its Excel export, with the page's columns.</summary>
public static class BodyList
{
    public static readonly string[] Header = ["名称", "層", "地区", "状態", "開催目安（年度）"];

    public static IReadOnlyDictionary<string, string?> Links(string? districtId) =>
        new Dictionary<string, string?> { ["districtId"] = districtId };

    public static byte[] Write(IEnumerable<Body> bodies, IReadOnlyDictionary<string, string> districtNames) =>
        XlsxTable.Write(
            "協議体",
            Header,
            bodies.Select(b =>
                (IReadOnlyList<object?>)
                    [
                        b.Name,
                        BodyNames.TierName(b.Tier),
                        b.DistrictId is null ? "全域" : districtNames.GetValueOrDefault(b.DistrictId, b.DistrictId),
                        b.Status.Japanese(),
                        CadenceText(b.Cadence),
                    ]
            )
        );

    /// <summary>年3〜4回・事案がなくても開催, as the bodies page writes it.</summary>
    public static string CadenceText(CadencePolicy c) =>
        (c.AtLeast, c.AtMost) switch
        {
            (null, null) => "定めなし",
            ({ } min, { } max) when min == max => $"年{min}回",
            ({ } min, { } max) => $"年{min}〜{max}回",
            ({ } min, null) => $"年{min}回以上",
            (null, { } max) => $"年{max}回まで",
        } + (c.MeetEvenWithoutCase ? "・事案がなくても開催" : "");
}
