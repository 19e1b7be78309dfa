using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Districts;
using Platform.Abstractions.Export;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Navigation;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Bodies;
using Platform.Core.Modules;
using Platform.Core.Organisations;
using Platform.Core.Privacy;
using Platform.Core.Records;

namespace Platform.Core.Meetings;

/// <summary>What the meetings page shows: one page of the filtered meetings, and the filters.</summary>
public sealed record MeetingsModel(
    TenantInfo Tenant,
    IReadOnlyList<MeetingView> Meetings,
    IReadOnlyList<Body> Bodies,
    IReadOnlyList<MeetingKind> Kinds,
    MeetingListChoices? List = null
);

/// <summary>The list's filters as chosen, what they can be, the page shown and what was ignored.</summary>
public sealed record MeetingListChoices(
    int? FiscalYear,
    string? DistrictId,
    string? BodyId,
    MeetingStatus? Status,
    IReadOnlyList<int> FiscalYears,
    IReadOnlyList<District> Districts,
    IReadOnlyList<Body> AllBodies,
    Paging Paging,
    IReadOnlyDictionary<string, string?> Links,
    IReadOnlyList<string> Notices
);

/// <summary>
/// What a meeting's page shows: the meeting, its record and handouts as the reader may see them, and the last entry
/// and the time it was rendered at, from which its event stream resumes.
/// </summary>
public sealed record MeetingModel(
    TenantInfo Tenant,
    MeetingView Meeting,
    MeetingRecord Record,
    int LastSeq,
    long RenderedAt,
    IReadOnlyList<Handout> Handouts,
    IReadOnlyList<Pledge> Pledges,
    IReadOnlyList<ConveningChange> Convening,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<AgendaTemplate> Templates,
    IReadOnlyList<NavigationLink> Links,
    Platform.Core.Notices.ReplyTableModel? Replies = null
);

/// <summary>What a meeting's page reads besides the meeting, bound as one parameter.</summary>
public sealed record MeetingPageServices(
    BodyStore Bodies,
    OrganisationStore Organisations,
    Disclosure Disclosure,
    PrivacyStore Privacy,
    ModuleGate Gate,
    [FromServices] IEnumerable<IAgendaTemplateSource> TemplateSources,
    [FromServices] IEnumerable<IMeetingNavigation> Navigations,
    Platform.Core.Notices.ReplyBook ReplyBook
);

/// <summary>The meetings page, <c>/meetings</c>, and a meeting's page, <c>/meetings/{meetingId}</c>.</summary>
public static class MeetingPages
{
    public static void MapMeetingPages(this IEndpointRouteBuilder tenant)
    {
        tenant.MapGet("/meetings", MeetingsPageAsync).RequirePermission(CorePermissions.View).ExcludeFromDescription();
        tenant
            .MapGet("/meetings/export.xlsx", ExportMeetingsAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();
        tenant
            .MapGet("/meetings/{meetingId}", MeetingPageAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();
    }

    public static async Task<RazorComponentResult<MeetingsPage>> MeetingsPageAsync(
        ITenantContext tenant,
        [AsParameters] MeetingListQuery query,
        MeetingStore meetings,
        MeetingContext context,
        BodyStore bodies,
        IDistricts districts,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var (filter, year, status, notices) = query.Read();
        var list = (await meetings.ListAsync(tenantId, filter, cancellationToken))
            .OrderByDescending(m => m.Date)
            .ToList();
        var paging = Paging.Of(query.Page, list.Count, out var pageNotice);
        if (pageNotice is not null)
            notices.Add(pageNotice);
        var all = await bodies.ListAsync(tenantId, cancellationToken: cancellationToken);
        var current = FiscalYear.Of(Clock.TodayInJapan(time)).Year;
        return PageResult.For<MeetingsPage, MeetingsModel>(
            new MeetingsModel(
                tenant.Tenant,
                await context.ViewsAsync(tenantId, paging.Slice(list), cancellationToken),
                all.Where(b => b.Status != BodyStatus.Dissolved).ToList(),
                context.Kinds(),
                new MeetingListChoices(
                    year,
                    filter.DistrictId,
                    filter.BodyId,
                    status,
                    Enumerable.Range(current - 5, 7).Reverse().ToList(),
                    await districts.ListAsync(tenantId, cancellationToken),
                    all,
                    paging,
                    query.Links(year, status),
                    notices
                )
            )
        );
    }

    /// <summary>The meetings the page's filters leave, every page of them, as an Excel workbook.</summary>
    public static async Task<FileContentHttpResult> ExportMeetingsAsync(
        ITenantContext tenant,
        HttpResponse response,
        [AsParameters] MeetingListQuery query,
        MeetingStore meetings,
        MeetingContext context,
        IDistricts districts,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var (filter, year, _, _) = query.Read();
        var list = (await meetings.ListAsync(tenantId, filter, cancellationToken)).OrderByDescending(m => m.Date);
        var names = (await districts.ListAsync(tenantId, cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        MeetingListXlsx.Attach(response, year);
        return TypedResults.Bytes(
            MeetingListXlsx.Write(await context.ViewsAsync(tenantId, list, cancellationToken), names),
            XlsxTable.ContentType
        );
    }

    /// <summary>Takes the request for its reader, whose sight decides what of the record the page shows.</summary>
    public static async Task<RazorComponentResult<MeetingPage>> MeetingPageAsync(
        HttpContext http,
        ITenantContext tenant,
        string meetingId,
        MeetingStore meetings,
        MeetingContext context,
        [AsParameters] MeetingPageServices services,
        CancellationToken cancellationToken
    )
    {
        // Before the record is read: the live stream re-sends items revised since.
        var renderedAt = DateTime.UtcNow.Ticks;
        var tenantId = tenant.Tenant.Id;
        var meeting = await meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var body = await services.Bodies.GetAsync(tenantId, meeting.BodyId, cancellationToken);
        var templates = await RecordApi.TemplatesAsync(
            tenantId,
            body.DistrictId,
            services.TemplateSources,
            services.Gate
        );
        var links = await services.Gate.InEffectAsync(services.Navigations, tenantId, body.DistrictId);
        var (record, handouts) = await services.Disclosure.RecordAndHandoutsAsync(
            tenantId,
            meeting,
            http.Audience(),
            http.Request.Path,
            cancellationToken
        );
        var organisations = await services.Organisations.ListAsync(tenantId, cancellationToken: cancellationToken);
        var view = await context.ViewAsync(tenantId, meeting, body, organisations, cancellationToken);
        return PageResult.For<MeetingPage, MeetingModel>(
            new MeetingModel(
                tenant.Tenant,
                view,
                record,
                meeting.RecordSeq,
                renderedAt,
                handouts,
                await services.Privacy.PledgesAsync(tenantId, meetingId, cancellationToken),
                meeting.Convening,
                organisations,
                templates,
                links.SelectMany(l => l.LinksFor(meetingId)).ToList(),
                new Platform.Core.Notices.ReplyTableModel(
                    (await services.ReplyBook.ListAsync(tenantId, meetingId, cancellationToken)).Replies,
                    null,
                    null,
                    http.Request.Query["replies"] == "saved"
                )
            )
        );
    }
}
