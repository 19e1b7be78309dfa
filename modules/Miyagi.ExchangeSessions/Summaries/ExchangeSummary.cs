using Platform.Abstractions.Meetings;

namespace Miyagi.ExchangeSessions.Summaries;

public enum ParticipantKind
{
    /// <summary>アドバイザー（運営委員）.</summary>
    Advisor,

    /// <summary>連絡会議会員.</summary>
    LiaisonMember,

    /// <summary>A speaker found only in a comment header, such as the prefecture's officer (県伊藤主事).</summary>
    Other,
}

/// <summary>An advisor or member as the document lists them: 東北こども福祉専門学院 副学院長 大坂 純 氏.</summary>
public sealed record Participant(ParticipantKind Kind, string Organisation, string? Title, string Name);

/// <summary>
/// A block of comments under one header (＜大坂委員長＞), or the overall review under its header (大坂委員長). The
/// header stays as written; <see cref="Speaker"/> is who it was attributed to. <see cref="Group"/> is the heading it
/// stood under: アドバイザー or 連絡会議会員 (…よりコメント). A block with a withheld comment has neither header nor
/// speaker: they would tell who said it.
/// </summary>
public sealed record CommentBlock(
    string Header,
    IReadOnlyList<string> Texts,
    Participant? Speaker,
    string? Position,
    string Group = "アドバイザー"
);

public sealed record ThemeBlock(string Title, IReadOnlyList<string> Opinions);

/// <summary>One session of a round, as its section of the 概要 says; the weekday as written, even when it is
/// wrong.</summary>
public sealed record SessionDocument(
    string RegionLabel,
    string Region,
    string Venue,
    DateOnly Date,
    string? StatedWeekday,
    IReadOnlyList<TimeSlot> Slots,
    IReadOnlyList<HeadCount> Counts,
    int? StatedTotal,
    IReadOnlyList<Participant> Advisors,
    IReadOnlyList<Participant> LiaisonMembers,
    IReadOnlyList<ThemeBlock> Themes,
    IReadOnlyList<CommentBlock> Comments,
    IReadOnlyList<CommentBlock> Reviews
);

/// <summary>What the importer found and did not fix: people decide.</summary>
public sealed record ImportWarning(string Code, string Message, int? Session = null);

/// <summary>A round (令和元年度第２回 … 情報交換会) and its sessions, one per region.</summary>
public sealed record SummaryDocument(string Title, IReadOnlyList<SessionDocument> Sessions)
{
    /// <summary>The round's themes: those of its sessions, in the order they first appear.</summary>
    public IReadOnlyList<string> Themes => Sessions.SelectMany(s => s.Themes.Select(t => t.Title)).Distinct().ToList();
}
