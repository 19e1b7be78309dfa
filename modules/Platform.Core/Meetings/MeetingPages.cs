using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
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

/// <summary>What the meetings page shows.</summary>
public sealed record MeetingsModel(
    TenantInfo Tenant,
    IReadOnlyList<MeetingView> Meetings,
    IReadOnlyList<Body> Bodies,
    IReadOnlyList<MeetingKind> Kinds
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
    IReadOnlyList<NavigationLink> Links
);

/// <summary>What a meeting's page reads besides the meeting, bound as one parameter.</summary>
public sealed record MeetingPageServices(
    BodyStore Bodies,
    OrganisationStore Organisations,
    Disclosure Disclosure,
    PrivacyStore Privacy,
    ModuleGate Gate,
    [FromServices] IEnumerable<IAgendaTemplateSource> TemplateSources,
    [FromServices] IEnumerable<IMeetingNavigation> Navigations
);

/// <summary>The meetings page, <c>/meetings</c>, and a meeting's page, <c>/meetings/{meetingId}</c>.</summary>
public static class MeetingPages
{
    public static void MapMeetingPages(this IEndpointRouteBuilder tenant)
    {
        tenant.MapGet("/meetings", MeetingsPageAsync).RequirePermission(CorePermissions.View).ExcludeFromDescription();
        tenant
            .MapGet("/meetings/{meetingId}", MeetingPageAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();
    }

    public static async Task<RazorComponentResult<MeetingsPage>> MeetingsPageAsync(
        ITenantContext tenant,
        string? bodyId,
        MeetingStore meetings,
        MeetingContext context,
        BodyStore bodies,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var list = await meetings.ListAsync(tenantId, new MeetingStore.Filter(BodyId: bodyId), cancellationToken);
        var open = (await bodies.ListAsync(tenantId, cancellationToken: cancellationToken))
            .Where(b => b.Status != BodyStatus.Dissolved)
            .ToList();
        return PageResult.For<MeetingsPage, MeetingsModel>(
            new MeetingsModel(
                tenant.Tenant,
                await context.ViewsAsync(tenantId, list, cancellationToken),
                open,
                context.Kinds()
            )
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
                links.SelectMany(l => l.LinksFor(meetingId)).ToList()
            )
        );
    }
}
