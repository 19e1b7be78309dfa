using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Organisations;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Bodies;
using Platform.Core.Meetings;
using Platform.Core.Organisations;
using Platform.Core.Privacy;
using Platform.Core.Records;
using Platform.Core.Tenancy;

namespace Platform.Core.Mail;

/// <summary>Which organisations' notices to mail (all convened ones with an address when none are named).</summary>
public sealed record NoticeMailInput(List<string>? OrganisationIds = null);

/// <summary>One organisation's notice mail: <c>queued</c> now, or <c>alreadyQueued</c> by an earlier
/// request.</summary>
public sealed record NoticeMail(string OrganisationId, string OrganisationName, string Recipient, string Status);

/// <summary>A convened organisation that gets no mail, and why (<c>noAddress</c>).</summary>
public sealed record NoticeMailSkipped(string OrganisationId, string OrganisationName, string Reason);

/// <summary>What queueing a meeting's notices did.</summary>
public sealed record NoticeMailResult(
    string MeetingId,
    IReadOnlyList<NoticeMail> Mails,
    IReadOnlyList<NoticeMailSkipped> Skipped
);

/// <summary>What the planner reads, bound as one constructor parameter.</summary>
public sealed record MailPlannerServices(
    MeetingStore Meetings,
    MeetingContext Context,
    OrganisationStore Organisations,
    BodyStore Bodies,
    RecordStore Records,
    AccountStore Accounts,
    TenantStore Tenants
);

/// <summary>
/// Decides what is mailed and queues it in the outbox, each mail under a dedupe key (kind, meeting or week,
/// organisation or account), so that planning again — on this host, another, or after a restart — queues nothing
/// twice: notices on request, reminders a few days before a planned meeting, a weekly digest to coordinators.
/// </summary>
public sealed class MailPlanner(
    MailPlannerServices services,
    OutboxStore outbox,
    OutboxSignal signal,
    INoticeLetters letters,
    IOptions<MailOptions> options,
    TimeProvider time
)
{
    public const string NoticeKind = "notice";
    public const string ReminderKind = "reminder";
    public const string DigestKind = "digest";

    private MailOptions O => options.Value;

    /// <summary>The domain of Message-IDs: the sender's own.</summary>
    private string Domain => O.From?.Split('@').Last() ?? "localhost";

    /// <summary>
    /// Queues the notice (開催通知) of a meeting to each convened organisation with a mail address, the letter
    /// attached. All or nothing: an organisation's address that is not one, or a letter over the size limit, refuses
    /// the whole request before anything is queued.
    /// </summary>
    public async Task<NoticeMailResult> QueueNoticesAsync(
        TenantInfo tenant,
        string meetingId,
        NoticeMailInput input,
        CancellationToken cancellationToken
    )
    {
        var (view, organisations) = await MeetingAsync(tenant.Id, meetingId, cancellationToken);
        if (!O.Configured)
            throw MailRules.NotConfiguredRefusal();
        var convened = view.Convened.Select(c => c.OrganisationId).ToList();
        var wanted = input.OrganisationIds is { Count: > 0 } named ? named.Distinct().ToList() : convened;
        var errors = new ValidationErrors();
        foreach (var id in wanted.Where(id => !convened.Contains(id)))
            errors.Add(
                "organisationIds",
                "mail.not_convened",
                $"団体「{organisations.GetValueOrDefault(id)?.Name ?? id}」はこの会議に参集されていません。"
            );
        errors.ThrowIfAny();
        var mails = new List<(Organisation Organisation, OutgoingMail Mail)>();
        var skipped = new List<NoticeMailSkipped>();
        foreach (var id in wanted)
        {
            var organisation = organisations.GetValueOrDefault(id);
            if (organisation is null || organisation.Contact?.Email is not { } address)
            {
                skipped.Add(new NoticeMailSkipped(id, organisation?.Name ?? id, "noAddress"));
                continue;
            }
            CheckStoredAddress(organisation, address);
            var letter = await letters.LetterAsync(tenant, view, organisation, cancellationToken);
            if (letter.Content.Length > O.MaxAttachmentBytes)
                throw MailRules.TooLarge(letter, O.MaxAttachmentBytes);
            var mail = new OutgoingMail(
                NoticeKind,
                $"{NoticeKind}:{tenant.Id}:{view.Id}:{id}",
                address,
                organisation.Name,
                $"{view.BodyName}「{view.Title}」の開催について（通知）",
                NoticeText(tenant, view, organisation),
                null,
                [letter]
            );
            mails.Add((organisation, mail));
        }
        var queued = await outbox.QueueAsync(tenant.Id, mails.Select(m => m.Mail).ToList(), Domain, cancellationToken);
        if (queued.Count > 0)
            signal.Poke();
        return new NoticeMailResult(
            view.Id,
            mails
                .Select(m => new NoticeMail(
                    m.Organisation.Id,
                    m.Organisation.Name,
                    m.Mail.Recipient,
                    queued.Contains(m.Mail.DedupeKey) ? "queued" : "alreadyQueued"
                ))
                .ToList(),
            skipped
        );
    }

    /// <summary>Everything the planner plans, for every tenant; answers how many mails were queued now.</summary>
    public async Task<int> PlanAsync(CancellationToken cancellationToken)
    {
        if (!O.Configured)
            return 0;
        var today = Clock.TodayInJapan(time);
        var count = 0;
        foreach (var tenant in await services.Tenants.ListAsync(cancellationToken))
        {
            count += await PlanRemindersAsync(tenant, today, cancellationToken);
            count += await PlanDigestsAsync(tenant, today, cancellationToken);
        }
        if (count > 0)
            signal.Poke();
        return count;
    }

    /// <summary>
    /// Reminders to the convened organisations with an address of each planned meeting in the next
    /// <c>Mail:ReminderDaysBefore</c> days. The whole window is planned, not only its last day, so a day the
    /// planner did not run (the host was down) loses no reminder; the dedupe key keeps the others from repeating.
    /// </summary>
    public async Task<int> PlanRemindersAsync(TenantInfo tenant, DateOnly today, CancellationToken cancellationToken)
    {
        if (!O.Configured || O.ReminderDaysBefore == 0)
            return 0;
        var meetings = await services.Meetings.ListAsync(
            tenant.Id,
            new MeetingStore.Filter(
                From: today.AddDays(1),
                To: today.AddDays(O.ReminderDaysBefore),
                Status: MeetingStatus.Planned
            ),
            cancellationToken
        );
        if (meetings.Count == 0)
            return 0;
        var views = await services.Context.ViewsAsync(tenant.Id, meetings, cancellationToken);
        var organisations = (
            await services.Organisations.ListAsync(tenant.Id, cancellationToken: cancellationToken)
        ).ToDictionary(o => o.Id);
        var mails = new List<OutgoingMail>();
        foreach (var view in views)
        foreach (var convened in view.Convened)
        {
            if (
                organisations.GetValueOrDefault(convened.OrganisationId)
                is not { Contact.Email: { } address } organisation
            )
                continue;
            if (!MailRules.IsAddress(address))
                continue; // shown on the organisation's page; a reminder is not worth stopping the others for
            mails.Add(
                new OutgoingMail(
                    ReminderKind,
                    $"{ReminderKind}:{tenant.Id}:{view.Id}:{organisation.Id}",
                    address,
                    organisation.Name,
                    $"【開催のお知らせ】{view.BodyName}「{view.Title}」{view.DateJapanese}",
                    ReminderText(tenant, view, organisation)
                )
            );
        }
        return (await outbox.QueueAsync(tenant.Id, mails, Domain, cancellationToken)).Count;
    }

    /// <summary>
    /// The weekly digest to each coordinator with a digest address: this fiscal year's held meetings whose 概要 is
    /// not confirmed and the overdue action items, limited to the districts a district coordinator holds. Planned
    /// from <c>Mail:DigestDay</c> on, once per week (Monday to Sunday); nothing when there is nothing to do.
    /// </summary>
    public async Task<int> PlanDigestsAsync(TenantInfo tenant, DateOnly today, CancellationToken cancellationToken)
    {
        if (!O.Configured)
            return 0;
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        if (today < weekStart.AddDays(((int)O.DigestDay + 6) % 7))
            return 0;
        var addresses = await outbox.RecipientsAsync(tenant.Id, cancellationToken);
        if (addresses.Count == 0)
            return 0;
        var coordinators = (await services.Accounts.ListForTenantAsync(tenant.Id, cancellationToken))
            .Where(a => addresses.ContainsKey(a.Id))
            .Select(a =>
                (Account: a, Grants: a.Grants.Where(g => g.TenantId == tenant.Id && g.Role >= Role.Coordinator))
            )
            .Where(c => c.Grants.Any())
            .ToList();
        if (coordinators.Count == 0)
            return 0;
        var year = FiscalYear.Of(today);
        var held = (
            await services.Meetings.ListAsync(
                tenant.Id,
                new MeetingStore.Filter(To: today, Status: MeetingStatus.Held),
                cancellationToken
            )
        )
            .Where(m => year.Contains(m.Date))
            .OrderBy(m => m.Date)
            .ToList();
        var heldViews = await services.Context.ViewsAsync(tenant.Id, held, cancellationToken);
        var overdue = (await services.Records.ListActionsAsync(tenant.Id, null, ActionStatus.Open, cancellationToken))
            .Where(a => a.DueDate < today)
            .OrderBy(a => a.DueDate)
            .ToList();
        var districtOfBody = (
            await services.Bodies.ListAsync(tenant.Id, cancellationToken: cancellationToken)
        ).ToDictionary(b => b.Id, b => b.DistrictId);
        var titles = held.ToDictionary(m => m.Id, m => m.Title);
        foreach (var id in overdue.Select(a => a.MeetingId).Where(id => !titles.ContainsKey(id)).Distinct())
            titles[id] = (await services.Meetings.FindAsync(tenant.Id, id, cancellationToken))?.Title ?? "";
        var mails = new List<OutgoingMail>();
        foreach (var (account, grants) in coordinators)
        {
            // A tenant-wide grant sees every district; district grants only theirs.
            var districts = grants.Any(g => g.DistrictId is null) ? null : grants.Select(g => g.DistrictId).ToHashSet();
            bool Mine(string bodyId) =>
                districts is null || districts.Contains(districtOfBody.GetValueOrDefault(bodyId));
            var meetings = heldViews.Where(v => Mine(v.BodyId)).ToList();
            var actions = overdue.Where(a => Mine(a.BodyId)).ToList();
            if (meetings.Count + actions.Count == 0)
                continue;
            mails.Add(
                new OutgoingMail(
                    DigestKind,
                    $"{DigestKind}:{tenant.Id}:{Clock.Iso(weekStart)}:{account.Id}",
                    addresses[account.Id],
                    account.DisplayName,
                    $"【週次まとめ】概要未確定の会議{meetings.Count}件・期限切れの対応事項{actions.Count}件",
                    DigestText(tenant, today, meetings, actions, titles)
                )
            );
        }
        return (await outbox.QueueAsync(tenant.Id, mails, Domain, cancellationToken)).Count;
    }

    private async Task<(MeetingView View, Dictionary<string, Organisation> Organisations)> MeetingAsync(
        string tenantId,
        string meetingId,
        CancellationToken cancellationToken
    )
    {
        var meeting = await services.Meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var view = await services.Context.ViewAsync(tenantId, meeting, cancellationToken);
        var organisations = (
            await services.Organisations.ListAsync(tenantId, cancellationToken: cancellationToken)
        ).ToDictionary(o => o.Id);
        return (view, organisations);
    }

    /// <summary>Organisations' addresses are checked for their shape when saved; one that still cannot be sent to
    /// (saved before, or shaped right but not an address) refuses the request, naming the organisation.</summary>
    private static void CheckStoredAddress(Organisation organisation, string address)
    {
        if (MailRules.IsAddress(address))
            return;
        new ValidationErrors()
            .Add(
                $"organisations.{organisation.Id}",
                "mail.invalid_address",
                $"団体「{organisation.Name}」のメールアドレス「{address}」は送信できる形式ではありません。団体の連絡先を直してください。"
            )
            .ThrowIfAny();
    }

    private string Link(string tenantId, string path) =>
        string.IsNullOrWhiteSpace(O.SiteUrl) ? "" : $"\n{O.SiteUrl.TrimEnd('/')}/{tenantId}/{path}";

    private static string NoticeText(TenantInfo tenant, MeetingView view, Organisation organisation) =>
        $"{organisation.Name}　御中\n\n"
        + $"{tenant.Name}です。{view.BodyName}「{view.Title}」を下記のとおり開催しますので、お知らせします。\n"
        + "開催通知を添付しました。ご確認ください。\n\n"
        + MailTexts.When(view)
        + "\n※このメールは送信専用です。\n";

    private static string ReminderText(TenantInfo tenant, MeetingView view, Organisation organisation) =>
        $"{organisation.Name}　御中\n\n"
        + $"{tenant.Name}です。{view.BodyName}「{view.Title}」の開催が近づきましたので、お知らせします。\n\n"
        + MailTexts.When(view)
        + "\n※このメールは送信専用です。\n";

    private string DigestText(
        TenantInfo tenant,
        DateOnly today,
        IReadOnlyList<MeetingView> meetings,
        IReadOnlyList<ActionItem> actions,
        IReadOnlyDictionary<string, string> titles
    )
    {
        var text = new StringBuilder($"{tenant.Name}　週次まとめ（{Wareki.Format(today)}現在）\n\n");
        text.Append($"■ 開催済みで概要が未確定の会議（{meetings.Count}件）\n");
        foreach (var m in meetings)
            text.Append($"・{m.DateJapanese}　{m.BodyName}「{m.Title}」{Link(tenant.Id, $"meetings/{m.Id}")}\n");
        text.Append($"\n■ 期限を過ぎた対応事項（{actions.Count}件）\n");
        foreach (var a in actions)
        {
            // A resident's information does not leave the platform by mail: only that there is such an item.
            var title = a.Sensitivity > Sensitivity.Participants ? "（個人情報を含む対応事項）" : a.Title;
            text.Append(
                $"・{title}（期限 {Wareki.Format(a.DueDate!.Value)}、「{titles.GetValueOrDefault(a.MeetingId)}」）"
                    + $"{Link(tenant.Id, $"meetings/{a.MeetingId}")}\n"
            );
        }
        return text.Append("\n※このメールは送信専用です。\n").ToString();
    }
}

/// <summary>Runs <see cref="MailPlanner.PlanAsync"/> a minute after start and then every
/// <c>Mail:PlanInterval</c>. Each host runs it; the dedupe keys make that harmless.</summary>
public sealed partial class MailSchedule(
    MailPlanner planner,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<MailSchedule> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Configured)
            return;
        using var timer = new PeriodicTimer(options.Value.PlanInterval, time);
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            do
            {
                try
                {
                    var queued = await planner.PlanAsync(stoppingToken);
                    if (queued > 0)
                        LogPlanned(queued);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e);
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail planner queued {Count} reminders and digests")]
    private partial void LogPlanned(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail planning failed; it is tried again at the next interval")]
    private partial void LogFailed(Exception exception);
}
