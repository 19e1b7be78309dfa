using System.Text;

namespace Platform.Abstractions.Text;

/// <summary>
/// CSV as Japanese Excel opens it by double-click: CRLF line ends, quoted fields where needed, UTF-8 with a byte order
/// mark; and cells that start like a formula kept as text, since Excel would run them.
/// </summary>
public static class Csv
{
    /// <summary>Appends one row, each field quoted where needed, with a CRLF.</summary>
    public static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    /// <summary>The file's bytes: UTF-8 with a byte order mark, as Excel expects.</summary>
    public static byte[] Utf8WithBom(StringBuilder csv) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];

    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        value = value.Replace("\r\n", "\n").Replace("\n", "\r\n");
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
