using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Platform.Host.Tests.ExchangeSessions;

/// <summary>A real 概要 (the seed or one of our own) changed by a few random steps; <see cref="Steps"/> says which, to
/// replay a failure by hand.</summary>
public sealed record MutatedSummary(string Text, string Steps)
{
    public override string ToString() => Steps;
}

/// <summary>
/// What clumsy and hostile input does to a 概要: characters inserted and deleted, lines made very long, digits of other
/// scripts, numbers too large for any field, invisible characters, headings in the wrong place.
/// </summary>
public static class SummaryMutations
{
    private static readonly string[] Bases = [SeedDocument.Text, OwnDocuments.South];

    private static readonly string[] Pieces =
    [
        "(٣٤)",
        "١٠:٠٠",
        "令和元年١١月١٩日",
        "気仙沼市(99999999999)",
        "合計 99999999999名",
        "合計 ٣٤名",
        "(2147483648)",
        "\uFEFF",
        "\u200B",
        "\r\n",
        "\n",
        "区分・会場 県東部 会場\n",
        "開催日時 ",
        "開催日時 令和元年１１月１９日\n",
        "出席市町村\n",
        "アドバイザー\n",
        "よりコメント\n",
        "連絡会議会員\n",
        "全体講評\n",
        "テーマ：",
        "＜",
        "＞",
        "○",
        "⇒",
        "(",
        ")",
        "（",
        "）",
        "：",
        "～",
        "名",
        "氏",
        "委員長",
        "٣",
        "१",
        "𝟙",
        "\t",
        "　",
        " ",
        "9999999999999999999999",
    ];

    private static Gen<(int Kind, int Position, int Length, string Piece)> Step() =>
        from kind in Gen.Choose(0, 4)
        from position in Gen.Choose(0, 1_000_000)
        from length in Gen.Choose(0, 400)
        from piece in Gen.Elements(Pieces)
        select (kind, position, length, piece);

    public static Arbitrary<MutatedSummary> Summaries() =>
        (
            from text in Gen.Elements(Bases)
            from count in Gen.Choose(1, 8)
            from steps in Gen.ArrayOf(Step(), count)
            select Apply(text, steps)
        ).ToArbitrary();

    private static MutatedSummary Apply(
        string text,
        IEnumerable<(int Kind, int Position, int Length, string Piece)> steps
    )
    {
        var builder = new StringBuilder(text);
        var log = new List<string>();
        foreach (var (kind, p, length, piece) in steps)
        {
            var at = p % (builder.Length + 1);
            var escaped = string.Concat(
                piece.Select(c => c < 0x20 || c is '\uFEFF' or '\u200B' ? $"\\u{(int)c:X4}" : c.ToString())
            );
            switch (kind)
            {
                case 0:
                    builder.Insert(at, piece);
                    log.Add($"insert {at} \"{escaped}\"");
                    break;
                case 1:
                    var cut = Math.Min(length, builder.Length - at);
                    builder.Remove(at, cut);
                    log.Add($"delete {at} {cut}");
                    break;
                case 2:
                    // A long line: the piece many times over, without a line break in between.
                    builder.Insert(
                        at,
                        string.Concat(Enumerable.Repeat(piece.Replace("\n", "").Replace("\r", ""), length * 20 + 1))
                    );
                    log.Add($"repeat {at} \"{escaped}\" x{length * 20 + 1}");
                    break;
                case 3:
                    var slice = builder.ToString(at, Math.Min(length, builder.Length - at));
                    builder.Insert(at, slice);
                    log.Add($"duplicate {at} {slice.Length}");
                    break;
                default:
                    // Every digit from here on in another script or far too large.
                    var digits = 0;
                    for (var i = at; i < builder.Length && digits < 6; i++)
                        if (builder[i] is >= '0' and <= '9' or >= '０' and <= '９')
                        {
                            var d = builder[i] <= '9' ? builder[i] - '0' : builder[i] - '０';
                            builder
                                .Remove(i, 1)
                                .Insert(i, length % 2 == 0 ? ((char)('٠' + d)).ToString() : $"{d}99999999999");
                            digits++;
                        }
                    log.Add($"digits {at} {(length % 2 == 0 ? "arabic" : "huge")}");
                    break;
            }
        }
        return new MutatedSummary(builder.ToString(), string.Join("; ", log));
    }
}
