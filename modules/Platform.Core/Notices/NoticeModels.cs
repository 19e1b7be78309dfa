namespace Platform.Core.Notices;

/// <summary>
/// A tenant's 開催通知: the free text around the letter's fixed fields (number, date, addressee, sender, subject, 記).
/// </summary>
/// <param name="Prefix">The document number's prefix: 青地社 gives 青地社第１２号; empty gives 第１２号.</param>
/// <param name="Opening">The greeting that opens the letter (時下ますます…).</param>
/// <param name="Closing">What follows the sentence that names the meeting (つきましては…).</param>
/// <param name="Bring">What to bring (持ち物).</param>
/// <param name="Contact">The contact person (担当), with telephone and fax; empty: the host organisation's contact.</param>
/// <param name="ReplyDaysBefore">How many days before the meeting the reply is due.</param>
/// <param name="ReplyNote">A line on the 出欠回答票 (FAX番号 …).</param>
public sealed record NoticeTemplate(
    string Prefix,
    string Opening,
    string Closing,
    string Bring,
    string Contact,
    int ReplyDaysBefore,
    string ReplyNote
)
{
    public static readonly NoticeTemplate Default = new(
        "",
        "時下ますますご清祥のこととお慶び申し上げます。日頃より地域福祉の推進にご理解とご協力を賜り、厚くお礼申し上げます。",
        "つきましては、ご多忙のところ誠に恐縮ですが、ご出席くださいますようお願い申し上げます。",
        "筆記用具",
        "",
        7,
        "お手数ですが、回答期限までにＦＡＸ又は電話でご回答ください。"
    );
}

/// <summary>A template as the admin sends it; each field is checked by <see cref="NoticeRules"/>.</summary>
public sealed record NoticeTemplateInput(
    string? Prefix,
    string? Opening,
    string? Closing,
    string? Bring,
    string? Contact,
    int? ReplyDaysBefore,
    string? ReplyNote
);

/// <summary>The answers a reply gives: 出席, 欠席, 未定.</summary>
public static class ReplyAnswers
{
    public const string Attending = "attending";
    public const string Absent = "absent";
    public const string Undecided = "undecided";

    public static readonly IReadOnlyList<string> All = [Attending, Absent, Undecided];

    public static string Japanese(string answer) =>
        answer switch
        {
            Attending => "出席",
            Absent => "欠席",
            _ => "未定",
        };
}

/// <summary>How a reply reached the secretariat.</summary>
public static class ReplyChannels
{
    public static readonly IReadOnlyList<string> All = ["fax", "phone", "mail", "web", "inPerson"];

    public static string Japanese(string via) =>
        via switch
        {
            "fax" => "FAX",
            "phone" => "電話",
            "mail" => "メール",
            "web" => "回答ページ",
            "inPerson" => "窓口・口頭",
            _ => via,
        };
}

/// <summary>An organisation's reply (出欠) to a meeting's notice, as kept.</summary>
/// <param name="HeadCount">How many will come (0 unless attending).</param>
/// <param name="Names">Who will come, as written.</param>
/// <param name="ReceivedVia">fax, phone, mail, web or inPerson.</param>
/// <param name="ReceivedAt">The day the reply arrived (yyyy-MM-dd).</param>
public sealed record MeetingReply(
    string OrganisationId,
    string Answer,
    int HeadCount,
    string? Names,
    string? Note,
    string ReceivedVia,
    string ReceivedAt,
    string RecordedBy,
    string RecordedAt
);

/// <summary>A reply as staff or the reply page send it. <c>receivedAt</c> takes 和暦 too; left out, today.</summary>
public sealed record ReplyInput(
    string? Answer,
    int? HeadCount = null,
    string? Names = null,
    string? Note = null,
    string? ReceivedVia = null,
    string? ReceivedAt = null
);

/// <summary>A convened organisation and its reply, if it has replied.</summary>
public sealed record OrganisationReply(string OrganisationId, string OrganisationName, MeetingReply? Reply);

/// <summary>A meeting's replies: one row per convened organisation, and the attendance they make.</summary>
/// <param name="ExpectedAttendance">The head counts of the organisations that will attend.</param>
public sealed record MeetingReplies(
    string MeetingId,
    int ExpectedAttendance,
    int Attending,
    int Absent,
    int Undecided,
    int NotAnswered,
    IReadOnlyList<OrganisationReply> Organisations
);
