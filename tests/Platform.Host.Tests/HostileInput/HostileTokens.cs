using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Host.Tests.HostileInput;

/// <summary>
/// Hostile JSON values, as raw JSON text: some (1e309, a lone surrogate escaped as "\ud800") cannot be held by a
/// JsonNode, so a mutation puts a placeholder string in the tree and <see cref="Expand"/> writes the raw text in its
/// place.
/// </summary>
public static partial class HostileTokens
{
    private static readonly string[] Raw =
    [
        // Wrong JSON types for whatever was there.
        "null",
        "true",
        "false",
        "0",
        "\"\"",
        "[]",
        "{}",
        "[null]",
        "[{}]",
        "{\"a\":[1,\"b\",null]}",
        // Numbers out of every range.
        "1e309",
        "-1e309",
        "99999999999",
        "-99999999999",
        "9223372036854775808",
        "-1",
        "1.5",
        "-0",
        "1e-400",
        "12345678901234567890123456789",
        // Text: empty, blank, very long, control characters, bidi override, lone surrogates, NUL.
        "\"   \"",
        "\"" + new string('あ', 10_000) + "\"",
        "\"\\u0000\\u0007\\u001b\\b\"",
        "\"\\u202Eevil\\u202C\"",
        "\"\\ud800\"",
        "\"\\udfff\\ud800x\"",
        "\"👨‍👩‍👧\"",
        "\"<script>alert(1)</script>\"",
        "\"' OR 1=1 --\"",
        "\"../../etc/passwd\"",
        "\"%s%n{0}\"",
        // Digits of other scripts and full-width digits, in numbers, times and dates.
        "\"٣٤\"",
        "\"١٠:٠٠\"",
        "\"令和元年١١月١٩日\"",
        "\"１２３\"",
        "\"２０１９年１１月１９日\"",
        "\"１０：００\"",
        "\"۲۰۱۹-۱۱-۱۹\"",
        "\"१२\"",
        // Dates and times that do not exist, or are at the edges.
        "\"2019-02-30\"",
        "\"令和99年13月40日\"",
        "\"平成0年0月0日\"",
        "\"0000-00-00\"",
        "\"9999-12-31\"",
        "\"-0001-01-01\"",
        "\"25:61\"",
        "\"24:00\"",
        "\"2019-11-19T25:00:00\"",
        "\"明治元年1月1日\"",
        "\"99999999999\"",
        "\"-1\"",
        "\"1e309\"",
        "\"NaN\"",
        "\"Infinity\"",
        // Enum names that are not, in other cases, and as numbers.
        "\"notAnEnumValue\"",
        "\"HELD\"",
        "\"Held\"",
        "\"0\"",
        "\"99\"",
        "-2147483649",
        "7",
        // Deep nesting: past the reader's depth limit, and just under it.
        new string('[', 70) + new string(']', 70),
        new string('[', 1000) + new string(']', 1000),
        string.Concat(Enumerable.Repeat("{\"a\":", 30)) + "1" + new string('}', 30),
    ];

    public static int Count => Raw.Length;

    public static JsonNode Placeholder(int token) => JsonValue.Create($"@@hostile-{token % Raw.Length}@@");

    public static string Expand(string json) =>
        PlaceholderPattern()
            .Replace(json, m => Raw[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);

    public static string Describe(int token)
    {
        var raw = Raw[token % Raw.Length];
        return raw.Length > 40 ? $"{raw[..20]}…({raw.Length} chars)" : raw;
    }

    [GeneratedRegex("\"@@hostile-([0-9]+)@@\"")]
    private static partial Regex PlaceholderPattern();
}
