using System.Text;
using Platform.Core.Calendar;

namespace Platform.Resources.Resources;

/// <summary>
/// The published catalogue as CSV for Japanese Excel (UTF-8 with BOM, CRLF). Only published resources, and a contact
/// only where it may be published: the file is handed out.
/// </summary>
public static class ResourceCsv
{
    public static byte[] Write(IEnumerable<Resource> resources, IReadOnlyDictionary<string, string> districtNames, IReadOnlyDictionary<string, string> categoryNames)
    {
        var csv = new StringBuilder();
        Line(csv, ["名前", "分類", "地区", "内容", "運営", "日時", "場所", "連絡先", "最終確認日"]);
        foreach (var r in resources.Where(r => r.Status == ResourceStatus.Published))
            Line(csv, [r.Name, categoryNames.GetValueOrDefault(r.CategoryId, r.CategoryId), r.DistrictId is null ? "" : districtNames.GetValueOrDefault(r.DistrictId, ""),
                r.Details.Offers ?? "", r.Details.RunBy ?? "", r.Details.When ?? "", r.Details.Where ?? "", r.PublicContact ?? "",
                r.LastConfirmed is { } d ? Wareki.Format(d, fullWidth: false, weekday: false) : ""]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
