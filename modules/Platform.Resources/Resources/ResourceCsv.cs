using System.Text;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Text;

namespace Platform.Resources.Resources;

/// <summary>
/// The published catalogue as CSV for Japanese Excel (UTF-8 with BOM, CRLF). Only published resources, and a contact
/// only where it may be published: the file is handed out.
/// </summary>
public static class ResourceCsv
{
    public static byte[] Write(
        IEnumerable<Resource> resources,
        IReadOnlyDictionary<string, string> districtNames,
        IReadOnlyDictionary<string, string> categoryNames
    )
    {
        var csv = new StringBuilder();
        Csv.Line(csv, ["名前", "分類", "地区", "内容", "運営", "日時", "場所", "連絡先", "最終確認日"]);
        foreach (var r in resources.Where(r => r.Status == ResourceStatus.Published))
            Csv.Line(
                csv,
                [
                    r.Name,
                    categoryNames.GetValueOrDefault(r.CategoryId, r.CategoryId),
                    r.DistrictId is null ? "" : districtNames.GetValueOrDefault(r.DistrictId, ""),
                    r.Details.Offers ?? "",
                    r.Details.RunBy ?? "",
                    r.Details.When ?? "",
                    r.Details.Where ?? "",
                    r.PublicContact ?? "",
                    r.LastConfirmed is { } d ? Wareki.Format(d, fullWidth: false, weekday: false) : "",
                ]
            );
        return Csv.Utf8WithBom(csv);
    }
}
