using Platform.Abstractions.Calendar;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Organisations;
using Platform.Abstractions.People;
using Platform.Core.Bodies;
using Platform.Core.Meetings;
using Platform.Core.Organisations;
using Platform.Core.People;
using Platform.Core.Records;

namespace Platform.Core.Notices;

/// <summary>
/// One letter (開催通知) and its reply form (出欠回答票), with every text as printed: the Word file and the A4 page are
/// both written from it, so that they say the same.
/// </summary>
public sealed record NoticeLetter(
    string OrganisationId,
    string Number,
    string IssuedOn,
    string Addressee,
    string AddresseeHonorific,
    string Sender,
    string SenderRepresentative,
    string Subject,
    string Opening,
    string Body,
    string Closing,
    IReadOnlyList<(string Label, string Text)> Items,
    string MeetingName,
    string When,
    string Venue,
    string Deadline,
    string Contact,
    string ReplyNote,
    string? ReplyLink
);

/// <summary>The letters of one meeting, in the order its organisations are convened.</summary>
public sealed record NoticeSet(
    string MeetingId,
    string MeetingName,
    string TenantName,
    IReadOnlyList<NoticeLetter> Letters
);

/// <summary>What writing a meeting's letters reads, bound as one parameter.</summary>
public sealed class NoticeLetters(
    MeetingStore meetings,
    MeetingContext context,
    BodyStore bodies,
    OrganisationStore organisations,
    PersonStore people,
    NoticeStore notices,
    ReplyLinks links,
    IGrainFactory grains,
    TimeProvider time
)
{
    /// <summary>
    /// The letters to the meeting's convened organisations (or to one of them), numbering those not numbered yet.
    /// A meeting that convenes nobody is refused (<c>notices.no_convened</c>), as is an organisation it does not
    /// convene (<c>notices.not_convened</c>).
    /// </summary>
    public async Task<NoticeSet> WriteAsync(
        string tenantId,
        string tenantName,
        string meetingId,
        string? organisationId,
        CancellationToken cancellationToken
    )
    {
        var meeting = await meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var view = await context.ViewAsync(tenantId, meeting, cancellationToken);
        var convened = view.Convened;
        if (convened.Count == 0)
            throw new PlatformException(
                409,
                "notices.no_convened",
                "この会議には参集する団体がありません。",
                "協議体の参集範囲か、この会議の参集範囲（追加・除外）を設定してから、開催通知を作成してください。"
            );
        if (organisationId is not null)
        {
            convened = convened.Where(c => c.OrganisationId == organisationId).ToList();
            if (convened.Count == 0)
                throw NotConvened("notices.not_convened");
        }
        var body = await bodies.GetAsync(tenantId, meeting.BodyId, cancellationToken);
        var template = await notices.TemplateAsync(tenantId, cancellationToken);
        var all = (await organisations.ListAsync(tenantId, cancellationToken: cancellationToken)).ToDictionary(o =>
            o.Id
        );
        var persons = await people.ListAsync(tenantId, cancellationToken: cancellationToken);
        var today = Clock.TodayInJapan(time);
        var numbers = await notices.IssueAsync(
            tenantId,
            meetingId,
            convened.Select(c => c.OrganisationId).ToList(),
            today,
            cancellationToken
        );
        var entries = await grains.GetGrain<IMeetingGrain>(MeetingGrainKey.For(tenantId, meetingId)).Entries();
        var agenda = entries
            .Select(e => e.AgendaItem)
            .OfType<AgendaItem>()
            .OrderBy(a => a.Position)
            .Select(a => a.Title)
            .ToList();
        var host = body.HostOrganisationId is { } hostId ? all.GetValueOrDefault(hostId) : null;
        var name = MeetingName(view);
        var when = When(view);
        var venue = string.Join("　", new[] { view.Venue, view.Room }.Where(v => !string.IsNullOrWhiteSpace(v)));
        var deadline = Wareki.Format(view.Date.AddDays(-template.ReplyDaysBefore));
        var contact = Contact(template, host);
        var letters = convened
            .Select(c =>
            {
                var number = numbers[c.OrganisationId];
                var organisation = all.GetValueOrDefault(c.OrganisationId);
                var representative = Representative(persons, c.OrganisationId);
                var items = new List<(string, string)>
                {
                    ("日　　時", when),
                    ("会　　場", venue.Length == 0 ? "追ってお知らせします" : venue),
                    ("議　　題", agenda.Count == 0 ? "当日お知らせします" : string.Join("\n", agenda.Select(Numbered))),
                };
                if (template.Bring.Length > 0)
                    items.Add(("持 ち 物", template.Bring));
                items.Add(("回答期限", $"{deadline}まで（別紙「出欠回答票」により御回答ください。）"));
                if (contact.Length > 0)
                    items.Add(("担　　当", contact));
                return new NoticeLetter(
                    c.OrganisationId,
                    $"{template.Prefix}第{Wareki.FullWidthDigits(number.Number.ToString())}号",
                    Wareki.Format(number.IssuedOn, weekday: false),
                    organisation?.Name ?? c.Name,
                    representative is null ? "御中" : $"{representative}　様",
                    host?.Name ?? body.Name,
                    Representative(persons, host?.Id) ?? "",
                    $"{name}の開催について（通知）",
                    template.Opening,
                    $"さて、下記のとおり{name}を開催いたします。",
                    template.Closing,
                    items,
                    name,
                    when,
                    venue,
                    deadline,
                    contact,
                    template.ReplyNote,
                    links.LinkFor(tenantId, meetingId, c.OrganisationId, view.Date)
                );
            })
            .ToList();
        return new NoticeSet(meetingId, name, tenantName, letters);

        string Numbered(string title, int index) => $"（{Wareki.FullWidthDigits((index + 1).ToString())}）{title}";
    }

    public static PlatformException NotConvened(string code) =>
        new(
            400,
            code,
            "この団体はこの会議に参集されていません。",
            "参集範囲に含まれる団体を指定してください。参集範囲は会議の画面で変更できます。"
        );

    /// <summary>The body's name when the meeting's title is part of it (新城地区 地域支援ネットワーク会議), else the
    /// title.</summary>
    public static string MeetingName(MeetingView view) =>
        view.BodyName.Contains(view.Title, StringComparison.Ordinal) ? view.BodyName : view.Title;

    /// <summary>令和８年１２月１０日（木）　１８時００分～１９時００分.</summary>
    public static string When(MeetingView view) =>
        Wareki.Format(view.Date)
        + string.Concat(
            view.Slots.Select(s => $"　{Wareki.FullWidthDigits(Time(s.Start))}～{Wareki.FullWidthDigits(Time(s.End))}")
        );

    private static string Time(string hhmm) =>
        hhmm.Split(':') is [var h, var m] && int.TryParse(h, out var hour) ? $"{hour}時{m}分" : hhmm;

    /// <summary>
    /// The person who represents an organisation in the letter's address: one registered with it whose title names a
    /// head (会長, 理事長, 所長, センター長, 代表 …). Without one the letter goes to the organisation (御中).
    /// </summary>
    public static string? Representative(IReadOnlyList<Person> persons, string? organisationId)
    {
        if (organisationId is null)
            return null;
        var head = persons
            .Where(p => p.OrganisationId == organisationId && p.Title is { Length: > 0 } title && IsHead(title))
            .OrderBy(p => p.Title!.Contains("副", StringComparison.Ordinal) ? 1 : 0)
            .FirstOrDefault();
        return head is null ? null : $"{head.Title}　{head.Name}";
    }

    private static bool IsHead(string title) =>
        !title.Contains("副", StringComparison.Ordinal)
        && (title.EndsWith('長') || title.Contains("代表", StringComparison.Ordinal));

    private static string Contact(NoticeTemplate template, Organisation? host)
    {
        if (template.Contact.Length > 0)
            return template.Contact;
        if (host?.Contact is not { } c)
            return "";
        var parts = new[] { host.Name, c.Person, c.Phone is null ? null : $"電話 {c.Phone}" };
        return string.Join("　", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
