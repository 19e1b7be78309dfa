using Platform.Abstractions.Calendar;
using Platform.Abstractions.Export;
using Platform.Core.Web;

namespace Platform.Core.Cadence;

/// <summary>
/// The dashboard's filters (<c>districtId</c>; <c>status</c>: ok, due, overdue) and its Excel export, with the page's
/// columns and one row per district; the meetings without a confirmed 概要 are listed in one cell.
/// </summary>
public static class DashboardList
{
    public static readonly string[] Header =
    [
        "地区",
        "年度",
        "状況",
        "開催済み（回）",
        "予定（回）",
        "前回開催日",
        "前回から（日）",
        "次回予定",
        "概要未確定の会議",
        "理由",
    ];

    /// <summary>The status asked for, or null with a notice for what cannot be read.</summary>
    public static string? Status(string? status, List<string> notices)
    {
        if (ListState.Value(status) is not { } text)
            return null;
        if (Enum.TryParse<CadenceStatus>(text, true, out var s) && Enum.IsDefined(s) && !char.IsDigit(text[0]))
            return s.ToString().ToLowerInvariant();
        notices.Add($"状況「{status}」は読めないため、すべての状況を表示しています。");
        return null;
    }

    public static IReadOnlyList<DashboardRow> Filter(
        IEnumerable<DashboardRow> rows,
        string? districtId,
        string? status
    ) =>
        rows.Where(r =>
                (districtId is null || r.Cadence.DistrictId == districtId)
                && (status is null || r.Cadence.Status == status)
            )
            .ToList();

    public static IReadOnlyDictionary<string, string?> Links(string? districtId, string? status) =>
        new Dictionary<string, string?> { ["districtId"] = districtId, ["status"] = status };

    /// <summary>順調, 開催時期, 期限超過.</summary>
    public static string StatusName(string status) =>
        status switch
        {
            "ok" => "順調",
            "due" => "開催時期",
            _ => "期限超過",
        };

    public static byte[] Write(IEnumerable<DashboardRow> rows) =>
        XlsxTable.Write(
            "開催状況",
            Header,
            rows.Select(r =>
                (IReadOnlyList<object?>)
                    [
                        r.Cadence.DistrictName,
                        r.Cadence.FiscalYearName,
                        StatusName(r.Cadence.Status),
                        r.Cadence.Held,
                        r.Cadence.Planned,
                        r.Cadence.LastHeld,
                        r.Cadence.DaysSinceLastHeld,
                        r.Cadence.NextPlanned,
                        string.Join("\n", r.SummariesMissing.Select(m => $"{m.Title}（{m.DateJapanese}）")),
                        string.Join("\n", r.Cadence.Reasons),
                    ]
            )
        );
}
