using System.Text;
using Platform.Abstractions.Text;

namespace Miyagi.ExchangeSessions.Summaries;

/// <summary>
/// How a comment header finds its speaker: the same person is written 渡辺 and 渡邊, 高橋 and 髙橋 (異体字), and an
/// organisation is shortened (ケアマネ協会 for ケアマネジャー協会).
/// </summary>
public static class NameMatching
{
    private static readonly Dictionary<char, char> Variants = new()
    {
        ['髙'] = '高',
        ['邊'] = '辺',
        ['邉'] = '辺',
        ['﨑'] = '崎',
        ['嵜'] = '崎',
        ['齋'] = '斉',
        ['齊'] = '斉',
        ['斎'] = '斉',
        ['澤'] = '沢',
        ['濱'] = '浜',
        ['嶋'] = '島',
        ['櫻'] = '桜',
        ['廣'] = '広',
        ['德'] = '徳',
        ['龍'] = '竜',
        ['國'] = '国',
        ['眞'] = '真',
        ['惠'] = '恵',
        ['團'] = '団',
        ['槇'] = '槙',
        ['冨'] = '富',
        ['藪'] = '薮',
        ['峯'] = '峰',
        ['桒'] = '桑',
    };

    /// <summary>NFKC, no spaces, and each variant glyph as its common form.</summary>
    public static string Fold(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in JapaneseText.Normalize(text))
            if (!char.IsWhiteSpace(c))
                builder.Append(Variants.GetValueOrDefault(c, c));
        return builder.ToString();
    }

    /// <summary>Whether every character of the short form appears in the long one, in order (ケアマネ協会 in ケアマネジャー協会); both
    /// folded.</summary>
    public static bool IsAbbreviationOf(string s, string l)
    {
        var i = 0;
        foreach (var c in l)
            if (i < s.Length && s[i] == c)
                i++;
        return i == s.Length;
    }
}
