using System.Text.RegularExpressions;
using Platform.Abstractions.Organisations;
using Platform.Abstractions.People;

namespace Miyagi.ExchangeSessions.Summaries;

/// <summary>
/// Finds who a comment header (＜高橋副委員長＞, ＜ケアマネ協会佐藤委員＞, ＜県伊藤主事＞) names among the session's
/// advisors and members: by surname in any glyph, by the organisation however shortened, and, when two share a
/// surname, by the position the tenant's people record (委員長 / 副委員長) against the one the header gives.
/// </summary>
public static partial class Attribution
{
    private static readonly string[] Chairs = ["委員長", "副委員長"];

    /// <summary>A header longer than this names nobody (＜ケアマネジャー協会佐藤副委員長＞ is 15); it is kept as written,
    /// unattributed.</summary>
    public const int MaxHeader = 60;

    /// <summary>A session's advisors and members with their names folded once, not once for every header.</summary>
    public sealed class Roster(IReadOnlyList<Participant> people)
    {
        public IReadOnlyList<(Participant Person, string Full, string Family, string Organisation)> People { get; } =
            people
                .Select(p =>
                    (
                        p,
                        NameMatching.Fold(p.Name),
                        NameMatching.Fold(p.Name.Split(' ')[0]),
                        NameMatching.Fold(p.Organisation)
                    )
                )
                .ToList();
    }

    public static (Participant? Speaker, string? Position, (string Code, string Message)? Problem) Resolve(
        string header,
        Roster roster,
        IReadOnlyDictionary<string, string> positions
    )
    {
        if (header.Length > MaxHeader)
            return (
                new Participant(ParticipantKind.Other, "", null, header),
                null,
                (
                    "import.unattributed_comment",
                    $"「{header[..20]}…」はコメントの見出しとしては長すぎるため、発言者を探していません。"
                )
            );
        var folded = NameMatching.Fold(header);
        var suffix = Position().Match(folded);
        var position = suffix.Success ? suffix.Groups[2].Value : null;
        var core = suffix.Success ? suffix.Groups[1].Value : folded;

        var candidates = new List<Participant>();
        foreach (var (p, full, family, organisation) in roster.People)
        {
            string? prefix = null;
            if (core.EndsWith(family, StringComparison.Ordinal))
                prefix = core[..^family.Length];
            else if (!p.Name.Contains(' '))
                for (var k = 0; k <= core.Length - 2 && prefix is null; k++)
                    if (full.AsSpan().StartsWith(core.AsSpan(k), StringComparison.Ordinal))
                        prefix = core[..k];
            if (prefix is not null && (prefix.Length == 0 || NameMatching.IsAbbreviationOf(prefix, organisation)))
                candidates.Add(p);
        }
        if (candidates.Count > 1 && position is not null)
        {
            var narrowed = candidates
                .Where(p =>
                    Chairs.Contains(position)
                        ? positions.GetValueOrDefault(NameMatching.Fold(p.Name)) == position
                        : !Chairs.Contains(positions.GetValueOrDefault(NameMatching.Fold(p.Name)))
                )
                .ToList();
            if (narrowed.Count > 0)
                candidates = narrowed;
        }
        if (candidates.Count == 1)
            return (candidates[0], position, null);

        // Not among the listed advisors and members: kept as the header names them. The prefecture's or a
        // municipality's own staff (県伊藤主事, 登米市高橋主事) are expected there and are not a problem.
        var office = Office().Match(core);
        var other = office.Success
            ? new Participant(ParticipantKind.Other, office.Groups[1].Value, position, office.Groups[2].Value)
            : new Participant(ParticipantKind.Other, "", position, core);
        if (candidates.Count > 1)
            return (
                other,
                position,
                (
                    "import.ambiguous_speaker",
                    $"「{header}」に当たる人が{candidates.Count}人います（{string.Join("、", candidates.Select(c => c.Name))}）。委員長・副委員長を人の登録で確認してください。"
                )
            );
        return office.Success
            ? (other, position, null)
            : (
                other,
                position,
                (
                    "import.unattributed_comment",
                    $"「{header}」のコメントの発言者が、アドバイザー・会員の一覧に見つかりません。"
                )
            );
    }

    [GeneratedRegex("^(.*?)(副委員長|委員長|委員|会員|主事|主査|主任|課長|係長|部長|所長|会長|理事|氏)$")]
    private static partial Regex Position();

    // 県 alone, or a municipality's full name (登米市): a bare 町 or 市 is more often a surname's first character (町田, 市川).
    [GeneratedRegex(@"^(県|\S+?[市町村])(\S{2,})$")]
    private static partial Regex Office();
}
