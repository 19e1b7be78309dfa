using System.Globalization;
using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Export;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Text;

namespace Platform.Core.Meetings;

/// <summary>
/// The meetings list's filters as the page and its export take them from the address: <c>fiscalYear</c> (2025, also
/// full-width, or 令和7), <c>districtId</c>, <c>bodyId</c>, <c>status</c> (planned, held, minutesApproved, cancelled)
/// and <c>page</c>. A page answers a person who may have edited the address: what it cannot read is ignored and said
/// so (<see cref="Notices"/>), never refused.
/// </summary>
public sealed record MeetingListQuery(
    string? FiscalYear,
    string? DistrictId,
    string? BodyId,
    string? Status,
    string? Page
)
{
    /// <summary>The filters understood, and what was ignored.</summary>
    public (MeetingStore.Filter Filter, int? FiscalYear, MeetingStatus? Status, List<string> Notices) Read()
    {
        var notices = new List<string>();
        int? year = null;
        var yearText = JapaneseText.Normalize(FiscalYear).Replace("年度", "");
        if (yearText.Length > 0)
        {
            if (
                int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                && y is >= 1900 and <= 2200
            )
                year = y;
            else if (
                yearText.Length > 2
                && Wareki.ToGregorianYear(yearText[..2], ParseEraYear(yearText[2..])) is { } g
                && g is >= 1900 and <= 2200
            )
                year = g;
            else
                notices.Add($"年度「{FiscalYear}」は読めないため、すべての年度を表示しています。");
        }
        MeetingStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (
                Enum.TryParse<MeetingStatus>(Status.Trim(), ignoreCase: true, out var s)
                && Enum.IsDefined(s)
                && !char.IsDigit(Status.Trim()[0])
            )
                status = s;
            else
                notices.Add($"状態「{Status}」は読めないため、すべての状態を表示しています。");
        }
        var filter = new MeetingStore.Filter(
            BodyId: Blank(BodyId),
            DistrictId: Blank(DistrictId),
            From: year is { } from ? new DateOnly(from, 4, 1) : null,
            To: year is { } to ? new DateOnly(to + 1, 3, 31) : null,
            Status: status
        );
        return (filter, year, status, notices);
    }

    /// <summary>The filters as they go into the pager's and the export's links.</summary>
    public IReadOnlyDictionary<string, string?> Links(int? fiscalYear, MeetingStatus? status) =>
        new Dictionary<string, string?>
        {
            ["fiscalYear"] = fiscalYear?.ToString(CultureInfo.InvariantCulture),
            ["districtId"] = Blank(DistrictId),
            ["bodyId"] = Blank(BodyId),
            ["status"] = status is { } s ? JsonName(s) : null,
        };

    /// <summary>The status as the address and the API write it: <c>minutesApproved</c>.</summary>
    public static string JsonName(MeetingStatus status) =>
        char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int ParseEraYear(string text) =>
        text == "元" ? 1
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : -1;
}

/// <summary>The meetings list as an Excel workbook, with the page's columns.</summary>
public static class MeetingListXlsx
{
    public static readonly string[] Header =
    [
        "開催日",
        "年度",
        "会議名",
        "協議体",
        "地区",
        "種類",
        "状態",
        "会場",
        "出席者数",
    ];

    public static byte[] Write(IEnumerable<MeetingView> meetings, IReadOnlyDictionary<string, string> districtNames) =>
        XlsxTable.Write(
            "会議",
            Header,
            meetings.Select(m =>
                (IReadOnlyList<object?>)
                    [
                        m.Date,
                        m.FiscalYearName,
                        m.Title,
                        m.BodyName,
                        m.DistrictId is null ? "全域" : districtNames.GetValueOrDefault(m.DistrictId, m.DistrictId),
                        m.KindName,
                        m.StatusName,
                        $"{m.Venue} {m.Room}".Trim(),
                        m.CountedTotal,
                    ]
            )
        );

    /// <summary>会議一覧_令和7年度.xlsx, or 会議一覧.xlsx for every year.</summary>
    public static void Attach(HttpResponse response, int? fiscalYear) =>
        response.Headers.ContentDisposition = Pager.Attachment(
            "meetings.xlsx",
            fiscalYear is { } y ? $"会議一覧_{Wareki.FiscalYearName(y)}.xlsx" : "会議一覧.xlsx"
        );
}
