using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Text;

namespace Miyagi.ExchangeSessions.Summaries;

/// <summary>What a parse gives: the document, and what was found wrong in it.</summary>
public sealed record ParseResult(SummaryDocument Document, IReadOnlyList<ImportWarning> Warnings)
{
    /// <summary>The round that already holds this document (a preview says so before 取り込む is pressed), if
    /// any.</summary>
    public string? DuplicateOfRoundId { get; init; }
}

/// <summary>
/// Reads a 概要 of exchange sessions as text (as extracted from its PDF). Headings are recognised whatever their
/// width and spacing; an opinion or comment continues over line and page breaks until the next bullet or heading.
/// Nothing is corrected: a total that does not add up, a weekday that does not match, a comment header that cannot be
/// attributed are kept as written and reported. Reading takes time linear in the text (no pattern scans a line from
/// every position, no item is rebuilt for every line added to it), and stops when the request is abandoned.
/// </summary>
public static partial class ExchangeSummaryParser
{
    private enum Section
    {
        Preamble,
        Counts,
        Advisors,
        Liaison,
        Themes,
        Comments,
        Review,
    }

    /// <param name="positions">
    /// Known positions by folded full name (大坂純 → 委員長), from the tenant's people; they decide between two advisors
    /// of one surname.
    /// </param>
    public static ParseResult Parse(
        string text,
        IReadOnlyDictionary<string, string>? positions = null,
        CancellationToken cancellationToken = default
    )
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new PlatformException(
                400,
                "import.empty",
                "取り込む内容がありません。",
                "概要のテキストを貼り付けるか、テキストファイルを選んでください。"
            );
        if (text.Any(c => c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))))
            throw new PlatformException(
                400,
                "import.binary",
                "テキストではないデータです。",
                "PDFやWordのファイルではなく、そこからコピーしたテキストを取り込んでください。"
            );

        var lines = SummaryText
            .Normalize(text)
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !PageNumber().IsMatch(l))
            .ToList();
        var warnings = new List<ImportWarning>();
        var title = new List<string>();
        var sessions = new List<SessionBuilder>();
        SessionBuilder? current = null;
        var section = Section.Preamble;
        var commentGroup = "アドバイザー";
        var items = 0;

        for (var i = 0; i < lines.Count; i++)
        {
            if (i % 256 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            var line = lines[i];
            var key = Key(line);
            if (SessionHeader().Match(line) is { Success: true } header)
            {
                SummaryLimits.CheckLength(header.Groups[2].Value, SummaryLimits.RegionLength, "", "区分・会場の名前");
                current = new SessionBuilder(
                    header.Groups[1].Value + "・会場",
                    header.Groups[2].Value,
                    Spaces().Replace(header.Groups[3].Value.Trim(), " ")
                );
                sessions.Add(current);
                SummaryLimits.Check(sessions.Count, SummaryLimits.Sessions, "", "会（区分・会場）");
                section = Section.Preamble;
                continue;
            }
            if (current is null)
            {
                if (key != "概要")
                    title.Add(line);
                continue;
            }
            if (key.StartsWith("開催日時", StringComparison.Ordinal))
            {
                ReadDate(current, line[(line.IndexOf('時') + 1)..], warnings, sessions.Count);
                continue;
            }
            if (key == "出席市町村" || key == "(出席者数)")
            {
                section = Section.Counts;
                continue;
            }
            if (key == "アドバイザー")
            {
                var next = i + 1 < lines.Count ? Key(lines[i + 1]) : "";
                section = next.StartsWith("よりコメント", StringComparison.Ordinal)
                    ? Section.Comments
                    : Section.Advisors;
                commentGroup = "アドバイザー";
                if (next is "(運営委員)" || next.StartsWith("よりコメント", StringComparison.Ordinal))
                    i++;
                continue;
            }
            if (key.EndsWith("よりコメント", StringComparison.Ordinal))
            {
                section = Section.Comments;
                commentGroup = key.StartsWith("連絡会議会員", StringComparison.Ordinal)
                    ? "連絡会議会員"
                    : "アドバイザー";
                continue;
            }
            if (key == "(運営委員)")
            {
                section = Section.Advisors;
                continue;
            }
            if (key == "連絡会議会員")
            {
                // 連絡会議会員 heads the list of members, or, followed by よりコメント, their comments.
                var next = i + 1 < lines.Count ? Key(lines[i + 1]) : "";
                section = next.StartsWith("よりコメント", StringComparison.Ordinal)
                    ? Section.Comments
                    : Section.Liaison;
                if (section == Section.Comments)
                    (i, commentGroup) = (i + 1, "連絡会議会員");
                continue;
            }
            if (
                section is Section.Preamble or Section.Counts or Section.Advisors or Section.Liaison
                && GroupLabel().Match(line) is { Success: true } labelled
                && !key.EndsWith("よりコメント", StringComparison.Ordinal)
            )
            {
                // A heading that carries its group and the first person (連絡会議会員　仙台市老人クラブ連合会 …): the
                // label decides the list, so a member is not filed as an advisor because advisors came first.
                section = labelled.Groups[1].Value.StartsWith("連絡", StringComparison.Ordinal)
                    ? Section.Liaison
                    : Section.Advisors;
                line = labelled.Groups[2].Value;
            }
            if (key is "情報交換での" or "主な意見・内容" or "情報交換での主な意見・内容")
            {
                section = Section.Themes;
                continue;
            }
            if (key == "全体講評")
            {
                section = Section.Review;
                continue;
            }

            switch (section)
            {
                case Section.Counts:
                    current.CountsText.Add(line);
                    break;
                case Section.Advisors or Section.Liaison:
                    var kind = section == Section.Advisors ? ParticipantKind.Advisor : ParticipantKind.LiaisonMember;
                    if (ReadParticipant(line, kind) is { } p)
                        (section == Section.Advisors ? current.Advisors : current.Liaison).Add(p);
                    SummaryLimits.Check(
                        current.Advisors.Count + current.Liaison.Count,
                        SummaryLimits.ParticipantsPerSession,
                        $"{current.Region}：",
                        "アドバイザー・会員"
                    );
                    break;
                case Section.Themes:
                    if (key.StartsWith("テーマ:", StringComparison.Ordinal))
                    {
                        current.Themes.Add((line[(line.IndexOfAny([':', '：']) + 1)..].Trim(), []));
                        SummaryLimits.CheckLength(
                            current.Themes[^1].Title,
                            SummaryLimits.ThemeLength,
                            $"{current.Region}：",
                            "テーマ"
                        );
                        SummaryLimits.Check(++items, SummaryLimits.Items, "", "意見・コメント");
                    }
                    else if (Bullet(line) is { } opinion && current.Themes.Count > 0)
                        AddItem(current.Themes[^1].Opinions, opinion, ref items);
                    else if (current.Themes.Count > 0 && current.Themes[^1].Opinions.Count > 0)
                        Continue(current.Themes[^1].Opinions, line);
                    break;
                case Section.Comments:
                    if (CommentHeader().Match(line) is { Success: true } h)
                        current.AddBlock(current.Comments, (h.Groups[1].Value.Trim(), [], commentGroup));
                    else if (Bullet(line) is { } comment && current.Comments.Count > 0)
                        AddItem(current.Comments[^1].Texts, comment, ref items);
                    else if (current.Comments.Count > 0 && current.Comments[^1].Texts.Count > 0)
                        Continue(current.Comments[^1].Texts, line);
                    break;
                case Section.Review:
                    if (Bullet(line) is { } review && current.Reviews.Count > 0)
                        AddItem(current.Reviews[^1].Texts, review, ref items);
                    else if (current.Reviews.Count == 0 || ReviewHeader().IsMatch(key))
                        current.AddBlock(current.Reviews, (line, [], "全体講評"));
                    else if (current.Reviews[^1].Texts.Count > 0)
                        Continue(current.Reviews[^1].Texts, line);
                    break;
            }
        }

        if (sessions.Count == 0)
            throw new PlatformException(
                400,
                "import.not_a_summary",
                "情報交換会の概要として読めませんでした。",
                "「区分・会場」（または「圏域・会場」）で始まる会ごとの欄が見つかりません。"
                    + "概要の全文を貼り付けてください。"
            );
        var known = positions ?? new Dictionary<string, string>();
        var documents = sessions.Select((s, index) => s.Build(index + 1, known, warnings, cancellationToken)).ToList();
        var documentTitle = string.Join(" ", title.Where(t => Key(t) != "概要"));
        return new ParseResult(new SummaryDocument(documentTitle, documents), warnings);
    }

    /// <summary>The form headings are compared in: NFKC, without any space.</summary>
    private static string Key(string line) => WithoutSpaces(JapaneseText.Normalize(line));

    private static string WithoutSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c))
                builder.Append(c);
        return builder.Length == text.Length ? text : builder.ToString();
    }

    /// <summary>What a warning quotes of a line: enough to find it, not a whole runaway line.</summary>
    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string? Bullet(string line) =>
        line.Length > 0 && line[0] is '○' or '◯' or '〇' or '・' or '●' ? line[1..].Trim()
        : line.StartsWith('⇒') ? line
        : null;

    private static void AddItem(List<StringBuilder> list, string text, ref int items)
    {
        list.Add(new StringBuilder(text));
        SummaryLimits.Check(++items, SummaryLimits.Items, "", "意見・コメント");
    }

    /// <summary>
    /// A wrapped line joins the item above it; Japanese wraps without a space, so none is added. Items are built up in
    /// place: appending to a string would copy the whole item for every line, the square of its length.
    /// </summary>
    private static void Continue(List<StringBuilder> items, string line) => items[^1].Append(line);

    private static void ReadDate(SessionBuilder session, string text, List<ImportWarning> warnings, int index)
    {
        var normalized = WithoutSpaces(JapaneseText.Normalize(text));
        if (JapaneseNumber.HasForeignDigits(normalized))
        {
            warnings.Add(
                new ImportWarning(
                    "import.digits",
                    $"開催日時「{Excerpt(text.Trim())}」に読めない数字が含まれています。"
                        + "数字は半角または全角（0〜9・０〜９）で書いてください。",
                    index
                )
            );
            return;
        }
        var match = DateAndSlots().Match(normalized);
        if (!match.Success || !JapaneseDate.TryParseDate(match.Groups[1].Value, out var date))
        {
            warnings.Add(
                new ImportWarning(
                    "import.unreadable_date",
                    $"開催日時「{Excerpt(text.Trim())}」を読めませんでした。",
                    index
                )
            );
            return;
        }
        session.Date = date;
        var stated = match.Groups[2].Value;
        session.StatedWeekday = stated.Length > 0 ? stated : null;
        if (stated.Length > 0 && stated != Wareki.Weekday(date))
            warnings.Add(
                new ImportWarning(
                    "import.weekday_mismatch",
                    $"{Wareki.Format(date, fullWidth: false, weekday: false)}は{Wareki.Weekday(date)}曜日ですが、"
                        + $"概要には（{stated}）と書かれています。日付と曜日のどちらが正しいか確認してください。",
                    index
                )
            );
        foreach (var slot in match.Groups[3].Value.Split([',', '、', '，'], StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = slot.Split(['~', '〜', '-', '－'], 2);
            if (
                ends.Length == 2
                && JapaneseDate.TryParseTime(ends[0], out var start)
                && JapaneseDate.TryParseTime(ends[1], out var end)
            )
            {
                session.Slots.Add(
                    new TimeSlot(
                        start.ToString("HH:mm", CultureInfo.InvariantCulture),
                        end.ToString("HH:mm", CultureInfo.InvariantCulture)
                    )
                );
                SummaryLimits.Check(
                    session.Slots.Count,
                    SummaryLimits.SlotsPerSession,
                    $"{session.Region}：",
                    "開催時間帯"
                );
            }
        }
    }

    private static Participant? ReadParticipant(string line, ParticipantKind kind)
    {
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (tokens.Count > 0 && tokens[^1] == "氏")
            tokens.RemoveAt(tokens.Count - 1);
        else if (tokens.Count > 0 && tokens[^1].EndsWith('氏') && tokens[^1].Length > 1)
            tokens[^1] = tokens[^1][..^1];
        if (
            tokens.Count == 1
            && tokens[0].Length <= MaxSplitLength
            && TitleAtStart().Match(tokens[0]) is { Success: true } glued
        )
            tokens = [glued.Groups[1].Value, glued.Groups[2].Value];
        if (tokens.Count < 2)
            return null;
        // The name is the last one or two words; before it, the organisation and the title, which documents write
        // with full-width, half-width, several or no spaces between them (東北福祉大学准教授, 宮城県社協 生活支援
        // コーディネーター).
        string? title = null;
        string name;
        int before;
        if (tokens.Count >= 3 && IsTitle(tokens[^3]))
            (title, name, before) = (tokens[^3], $"{tokens[^2]} {tokens[^1]}", tokens.Count - 3);
        else if (IsTitle(tokens[^2]))
            (title, name, before) = (tokens[^2], tokens[^1], tokens.Count - 2);
        else if (
            tokens[^1].Length is > 4 and <= MaxSplitLength
            && TitleAtStart().Match(tokens[^1]) is { Success: true } gluedName
        )
            (title, name, before) = (gluedName.Groups[1].Value, gluedName.Groups[2].Value, tokens.Count - 1);
        else if (tokens.Count >= 3 && tokens[^1].Length <= 4 && tokens[^2].Length <= 4)
            (name, before) = ($"{tokens[^2]} {tokens[^1]}", tokens.Count - 2);
        else
            (name, before) = (tokens[^1], tokens.Count - 1);
        var organisation = string.Join(" ", tokens[..before]);
        // Only a line as long as a real one is searched for a title run: the patterns backtrack over what they scan.
        if (organisation.Length > MaxSplitLength)
            return new Participant(kind, organisation, title, name);
        if (title is null && KnownTitle().IsMatch(WithoutSpaces(organisation)))
            (organisation, title) = ("", WithoutSpaces(organisation));
        else if (
            title is not null
            && organisation.Length == 0
            && !KnownTitle().IsMatch(title)
            && TitleAtEnd().Match(title) is { Success: true } split
        )
            (organisation, title) = (split.Groups[1].Value.Trim(), split.Groups[2].Value);
        else if (title is null && TitleAtEnd().Match(organisation) is { Success: true } trailing)
            (organisation, title) = (trailing.Groups[1].Value.Trim(), WithoutSpaces(trailing.Groups[2].Value));
        return new Participant(kind, organisation, title, name);
    }

    private const int MaxSplitLength = 200;

    private static bool IsTitle(string token) =>
        token.Length <= 16
        && (TitleEnding().IsMatch(token) || TitleAtEnd().IsMatch(token) || KnownTitle().IsMatch(token));

    /// <summary>
    /// Titles that documents put after the organisation, longest first so that 副会長 is not read as 会長 after 副.
    /// A title may be several in a row (常務理事事務局長) and be led by a tier (第２層生活支援コーディネーター).
    /// </summary>
    private const string Titles =
        "生活支援コーディネーター|コーディネーター|インストラクター|ファシリテーター|アドバイザー|事務局次長|事務局長|"
        + "センター長|副理事長|理事長|専務理事|常務理事|副委員長|委員長|副学院長|学院長|副会長|会長|准教授|教授|助教|"
        + "講師|主任|係長|課長|所長|部長|次長|室長|館長|園長|施設長|学長|理事|主事|主査|主幹|参事|専門員|相談員|支援員|"
        + "推進員|保健師|看護師|社会福祉士|代表|顧問";

    private sealed class SessionBuilder(string regionLabel, string region, string venue)
    {
        public string Region => region;
        public DateOnly Date { get; set; }
        public string? StatedWeekday { get; set; }
        public List<TimeSlot> Slots { get; } = [];
        public List<string> CountsText { get; } = [];
        public List<Participant> Advisors { get; } = [];
        public List<Participant> Liaison { get; } = [];
        public List<(string Title, List<StringBuilder> Opinions)> Themes { get; } = [];
        public List<(string Header, List<StringBuilder> Texts, string Group)> Comments { get; } = [];
        public List<(string Header, List<StringBuilder> Texts, string Group)> Reviews { get; } = [];

        public void AddBlock(
            List<(string Header, List<StringBuilder> Texts, string Group)> blocks,
            (string, List<StringBuilder>, string) block
        )
        {
            blocks.Add(block);
            SummaryLimits.Check(
                Comments.Count + Reviews.Count,
                SummaryLimits.CommentBlocksPerSession,
                $"{region}：",
                "コメント・講評の見出し"
            );
        }

        public SessionDocument Build(
            int index,
            IReadOnlyDictionary<string, string> positions,
            List<ImportWarning> warnings,
            CancellationToken cancellationToken
        )
        {
            var countsText = JapaneseText.Normalize(string.Join(" ", CountsText));
            var counts = ReadCounts(countsText, index, warnings, out var stated);
            // Summed as long: the counts are bounded each, not in number.
            var sum = counts.Sum(c => (long)c.Count);
            if (stated is { } s && sum != s)
                warnings.Add(
                    new ImportWarning(
                        "import.total_mismatch",
                        $"{region}：出席者数の合計が{s}名と書かれていますが、内訳の和は{sum}名です。",
                        index
                    )
                );
            var people = new Attribution.Roster(Advisors.Concat(Liaison).ToList());
            CommentBlock Attribute((string Header, List<StringBuilder> Texts, string Group) block)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (speaker, position, problem) = Attribution.Resolve(block.Header, people, positions);
                if (problem is not null)
                    warnings.Add(new ImportWarning(problem.Value.Code, $"{region}：{problem.Value.Message}", index));
                return new CommentBlock(block.Header, Texts(block.Texts), speaker, position, block.Group);
            }
            return new SessionDocument(
                regionLabel,
                region,
                venue,
                Date,
                StatedWeekday,
                Slots,
                counts,
                stated,
                Advisors,
                Liaison,
                Themes.Select(x => new ThemeBlock(x.Title, Texts(x.Opinions))).ToList(),
                Comments.Select(Attribute).ToList(),
                Reviews.Select(Attribute).ToList()
            );
        }

        private static List<string> Texts(List<StringBuilder> texts) => texts.Select(t => t.ToString()).ToList();

        /// <summary>
        /// 気仙沼市(3)，南三陸町 (2) … 合計 5名, already NFKC. A count in digits of another script or too large for a
        /// head count is left out with a warning, so that the rest of the document is still read.
        /// </summary>
        private List<HeadCount> ReadCounts(string all, int index, List<ImportWarning> warnings, out int? stated)
        {
            var counts = new List<HeadCount>();
            foreach (var (name, digits) in HeadCounts(all))
                if (ReadCount(digits, $"「{Excerpt(name)}({Excerpt(digits)})」の人数", index, warnings) is { } count)
                {
                    counts.Add(new HeadCount(name, count));
                    SummaryLimits.Check(
                        counts.Count,
                        SummaryLimits.CountsPerSession,
                        $"{region}：",
                        "出席市町村の内訳"
                    );
                }
            stated = TotalPattern().Match(all) is { Success: true } t
                ? ReadCount(t.Groups[1].Value, $"合計「{Excerpt(t.Groups[1].Value)}」名", index, warnings)
                : null;
            return counts;
        }

        private int? ReadCount(string digits, string what, int index, List<ImportWarning> warnings)
        {
            switch (JapaneseNumber.TryRead(digits, SummaryLimits.HeadCount, out var value))
            {
                case NumberReading.Read:
                    return (int)value;
                case NumberReading.TooLarge:
                    warnings.Add(
                        new ImportWarning(
                            "import.count_too_large",
                            $"{region}：{what}が大きすぎるため読み飛ばしました（{SummaryLimits.HeadCount:N0}名まで）。",
                            index
                        )
                    );
                    return null;
                default:
                    warnings.Add(
                        new ImportWarning(
                            "import.digits",
                            $"{region}：{what}に読めない数字が含まれているため読み飛ばしました。数字は半角または全角で書いてください。",
                            index
                        )
                    );
                    return null;
            }
        }
    }

    /// <summary>
    /// Each "name(digits)" of the counts: the name is the run of characters other than space, comma and brackets just
    /// before the bracket. A scan, not a regex: a lazy name pattern tries every start of a long run without brackets,
    /// the square of the line's length. The digits are any decimal digits, so that those of other scripts are
    /// reported.
    /// </summary>
    private static IEnumerable<(string Name, string Digits)> HeadCounts(string all)
    {
        var floor = 0;
        for (var open = all.IndexOf('(', floor); open >= 0; open = all.IndexOf('(', floor))
        {
            var close = open + 1;
            while (close < all.Length && char.IsDigit(all[close]))
                close++;
            if (close == open + 1 || close == all.Length || all[close] != ')')
            {
                floor = open + 1;
                continue;
            }
            var end = open;
            while (end > floor && char.IsWhiteSpace(all[end - 1]))
                end--;
            var begin = end;
            while (begin > floor && !IsCountDelimiter(all[begin - 1]))
                begin--;
            // The next scan starts after this bracket, and the next name stops here: every character is looked at a
            // bounded number of times.
            floor = close + 1;
            if (begin < end)
                yield return (all[begin..end], all[(open + 1)..close]);
        }
    }

    private static bool IsCountDelimiter(char c) =>
        char.IsWhiteSpace(c) || c is ',' or '，' or '、' or '(' or ')' or '（' or '）';

    [GeneratedRegex(@"^[-－ー\s]*[0-9０-９]{1,3}[-－ー\s]*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(区分|圏域)\s*[・･]\s*会場\s*(\S+)\s*(.*)$")]
    private static partial Regex SessionHeader();

    [GeneratedRegex(@"^(.+?日)(?:[(（]([日月火水木金土])[)）])?(.*)$")]
    private static partial Regex DateAndSlots();

    [GeneratedRegex(@"^[<＜](.+)[>＞]$")]
    private static partial Regex CommentHeader();

    [GeneratedRegex(@"^[^○。、,]{1,16}(委員長|副委員長|委員|会員|主事|主査|課長|係長|部長|所長|会長|理事|氏)$")]
    private static partial Regex ReviewHeader();

    [GeneratedRegex(@"(長|員|授|事|師|官|監|役|顧問|代表)$")]
    private static partial Regex TitleEnding();

    // The organisation (at least one character) and the run of titles that ends the text; spaces inside the run are
    // allowed (常務理事 事務局長).
    [GeneratedRegex(@"^(.+?)\s*((?:第\s*[0-9０-９一二三]\s*層\s*)?(?:(?:" + Titles + @")\s*)+)$")]
    private static partial Regex TitleAtEnd();

    // A run of titles glued to the name that follows it (准教授高橋誠一).
    [GeneratedRegex(@"^((?:第[0-9０-９一二三]層)?(?:" + Titles + @")+)(\S{2,})$")]
    private static partial Regex TitleAtStart();

    [GeneratedRegex(@"^(?:第[0-9０-９一二三]層)?(?:" + Titles + @")+$")]
    private static partial Regex KnownTitle();

    // A group label, with or without （運営委員）, followed on the same line by the first person of the group.
    [GeneratedRegex(@"^\s*(連絡会議会員|アドバイザー(?:\s*[（(]運営委員[)）])?|[（(]運営委員[)）])[\s:：]+(\S.*)$")]
    private static partial Regex GroupLabel();

    // Any decimal digits, so that those of other scripts are reported rather than passed over; JapaneseNumber reads
    // them.
    [GeneratedRegex(@"合計\s*(\p{Nd}+)\s*名")]
    private static partial Regex TotalPattern();
}
