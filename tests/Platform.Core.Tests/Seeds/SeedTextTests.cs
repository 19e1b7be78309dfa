using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Core.Tests.Seeds;

/// <summary>
/// The demo tenants hold no content their source documents do not: every free-text field of a seed file is found in
/// its source text, unless the object marks the field as the demo's own (<c>"demoOwn": ["name"]</c>), as the demo
/// accounts are. A name or title may join the source's own terms with a space or の (新城地区 地域支え合い会議).
/// </summary>
public sealed partial class SeedTextTests
{
    private static readonly string[] FreeText =
    [
        "name",
        "title",
        "venue",
        "room",
        "note",
        "reason",
        "text",
        "organisation",
        "speaker",
        "position",
        "role",
        "why",
        "what",
        "who",
        "where",
        "when",
        "how",
        "offers",
        "runBy",
        "reading",
        "opinions",
        "displayName",
        "contact",
    ];

    public static TheoryData<string, string> Files =>
        new()
        {
            { "aomori.json", "aomori-support-meetings.txt" },
            { "miyagi.json", "miyagi-exchange-sessions-2019.txt" },
        };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_seeded_free_text_field_is_found_in_the_source_document(string seedFile, string sourceFile)
    {
        var source = Fold(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", sourceFile)));
        using var seed = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", seedFile)),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }
        );
        var invented = new List<string>();
        foreach (var (path, key, value) in Texts(seed.RootElement, "", null))
            if (!Found(source, key, value))
                invented.Add($"{path}: {value}");
        Assert.True(invented.Count == 0, "Not in the source document:\n" + string.Join("\n", invented));
    }

    [Fact]
    public void The_check_finds_an_invented_reason_and_accepts_a_name_made_of_the_sources_terms()
    {
        var source = Fold("参集範囲：新城地区社協、町会、⾦融機関\n地域支え合い会議");
        Assert.False(Found(source, "reason", "見守り・金銭管理の相談先として"));
        Assert.True(Found(source, "name", "新城地区社協の町会"));
        Assert.True(Found(source, "title", "新城地区社協 地域支え合い会議"));
        Assert.False(Found(source, "note", "新城地区社協 地域支え合い会議"));
        Assert.True(Found(source, "text", "金融機関"));
    }

    private static IEnumerable<(string Path, string Key, string Value)> Texts(
        JsonElement element,
        string path,
        string? key
    )
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var own = element.TryGetProperty("demoOwn", out var marked)
                    ? marked.EnumerateArray().Select(m => m.GetString()).ToHashSet()
                    : [];
                foreach (var property in element.EnumerateObject())
                {
                    // The demo's accounts and what a seed marks as its own are the demo's, not the source's.
                    if (property.Name is "users" or "demoOwn" || own.Contains(property.Name))
                        continue;
                    foreach (var text in Texts(property.Value, $"{path}.{property.Name}", property.Name))
                        yield return text;
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                foreach (var text in Texts(item, $"{path}[{i++}]", key))
                    yield return text;
                break;
            case JsonValueKind.String when key is not null && FreeText.Contains(key):
                var value = element.GetString()!;
                if (!Identifier().IsMatch(value))
                    yield return (path, key, value);
                break;
        }
    }

    private static bool Found(string source, string key, string value) =>
        source.Contains(Fold(value), StringComparison.Ordinal)
        || key is "name" or "title"
            && NameParts()
                .Split(value)
                .Where(p => p.Length > 0)
                .All(p => source.Contains(Fold(p), StringComparison.Ordinal));

    /// <summary>Compares text as read, not as encoded: NFKC (full-width, the Kangxi radicals ⾦ ⼈ …), the CJK radicals
    /// the source's PDF extraction left (⻘ ⺠ ⻄ ⻑), and no line breaks or spaces.</summary>
    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Normalize(NormalizationForm.FormKC));
        folded.Replace('⻘', '青').Replace('⺠', '民').Replace('⻄', '西').Replace('⻑', '長');
        return Whitespace().Replace(folded.ToString(), "");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\s　]+|の")]
    private static partial Regex NameParts();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9.\-]*$")]
    private static partial Regex Identifier();
}
