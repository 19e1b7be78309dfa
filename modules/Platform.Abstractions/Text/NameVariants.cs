using System.Collections.Frozen;
using System.Text;

namespace Platform.Abstractions.Text;

/// <summary>
/// Glyph variants (異体字) of characters in Japanese names, each folded to one representative for search, so that
/// 渡辺 finds 渡邊 and 渡邉 and 高橋 finds 髙橋. Only characters that are the same character written another way in
/// names are here: 渡辺 and 渡部 are different names and stay apart, and 籐 (rattan) is not a 藤. Both the stored
/// search text and the query are folded (<see cref="SearchText.Fold"/>), so the representative never shows. The table
/// and why these characters and not others: docs/search.md. A change to the table needs a new migration that refolds
/// the stored search text (Core 0008, Resources 0002 did it for this table), otherwise old rows are not found.
/// </summary>
public static class NameVariants
{
    /// <summary>Variant → representative. The representative is the form in everyday (常用/JIS level 1) use.</summary>
    public static readonly IReadOnlyDictionary<string, string> Table = new Dictionary<string, string>
    {
        ["邊"] = "辺", // 渡邊 → 渡辺
        ["邉"] = "辺", // 渡邉 → 渡辺
        ["髙"] = "高", // はしご高: 髙橋 → 高橋
        ["﨑"] = "崎", // たつさき (U+FA11, which NFKC keeps): 山﨑 → 山崎
        ["嵜"] = "崎", // 山嵜 → 山崎
        ["齋"] = "斎", // 齋藤 → 斎藤
        ["齊"] = "斎", // 齊藤 → 斎藤 (さいとう is written with either family)
        ["斉"] = "斎", // 斉藤 → 斎藤
        ["澤"] = "沢", // 澤田 → 沢田
        ["濱"] = "浜", // 濱田 → 浜田
        ["櫻"] = "桜", // 櫻井 → 桜井
        ["廣"] = "広", // 廣瀬 → 広瀬
        ["德"] = "徳", // 德永 → 徳永
        ["國"] = "国", // 國分 → 国分
        ["眞"] = "真", // 眞鍋 → 真鍋
        ["嶋"] = "島", // 中嶋 → 中島
        ["嶌"] = "島", // 中嶌 → 中島
        ["槇"] = "槙", // 槇原 → 槙原
        ["淵"] = "渕", // 岩淵 → 岩渕
        ["條"] = "条", // 北條 → 北条
        ["瀨"] = "瀬", // 瀨戸 → 瀬戸
        ["冨"] = "富", // 冨田 → 富田
        ["𠮷"] = "吉", // つちよし (beyond the BMP): 𠮷田 → 吉田
        ["榮"] = "栄", // 榮 → 栄
        ["惠"] = "恵", // 惠子 → 恵子
        ["龍"] = "竜", // 龍太 → 竜太
        ["實"] = "実", // 實 → 実
        ["壽"] = "寿", // 壽子 → 寿子
        ["彌"] = "弥", // 彌生 → 弥生
        ["藏"] = "蔵", // 藏本 → 蔵本
        ["淺"] = "浅", // 淺野 → 浅野
        ["曾"] = "曽", // 曾根 → 曽根
        ["峯"] = "峰", // 峯岸 → 峰岸
        ["舘"] = "館", // 舘野 → 館野
        ["桒"] = "桑", // 桒原 → 桑原
        ["栁"] = "柳", // 栁田 → 柳田
        ["檜"] = "桧", // 檜山 → 桧山
        ["寬"] = "寛", // 寬 → 寛
        ["萬"] = "万", // 萬田 → 万田
    };

    private static readonly FrozenDictionary<int, string> ByRune = Table.ToFrozenDictionary(
        e => Rune.GetRuneAt(e.Key, 0).Value,
        e => e.Value
    );

    /// <summary>The text with every variant of the table replaced by its representative; other characters kept.</summary>
    public static string Fold(string text)
    {
        // Most text holds none: it is returned as it is, without a copy.
        var first = -1;
        for (var i = 0; i < text.Length; i++)
            if (Rune.TryGetRuneAt(text, i, out var rune) && ByRune.ContainsKey(rune.Value))
            {
                first = i;
                break;
            }
        if (first < 0)
            return text;
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; )
        {
            if (!Rune.TryGetRuneAt(text, i, out var rune))
            {
                builder.Append(text[i++]);
                continue;
            }
            builder.Append(ByRune.TryGetValue(rune.Value, out var representative) ? representative : rune.ToString());
            i += rune.Utf16SequenceLength;
        }
        return builder.ToString();
    }
}
