using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Navigation;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Cadence;
using Platform.Core.Districts;
using Platform.Core.Grains;
using Platform.Core.Meetings;
using Platform.Core.Modules;
using Platform.Core.Privacy;
using Platform.Core.Records;

namespace Platform.Core.Home;

/// <summary>
/// What a tenant's home page shows: what is to be done (next meetings, this fiscal year's held meetings without a
/// confirmed 概要, open action items, districts behind their year's count, the modules' own blocks), then the
/// districts.
/// </summary>
public sealed record TenantHomeModel(
    TenantInfo Tenant,
    DateOnly Today,
    FiscalYear Year,
    IReadOnlyList<MeetingView> NextMeetings,
    IReadOnlyList<MeetingView> SummariesToConfirm,
    int OlderSummariesToConfirm,
    IReadOnlyList<HomeAction> Actions,
    IReadOnlyList<CadenceView> Behind,
    IReadOnlyList<ToDoSection> Sections,
    IReadOnlyList<District> Districts
);

/// <summary>An open action item and the meeting it came from.</summary>
public sealed record HomeAction(ActionItem Item, string MeetingTitle, bool Overdue);

/// <summary>What the home page reads, bound as one parameter.</summary>
public sealed record HomeServices(
    DistrictStore Districts,
    MeetingStore Meetings,
    MeetingContext Context,
    RecordStore Records,
    Disclosure Disclosure,
    IEnumerable<IToDoSource> Sources,
    ModuleGate Gate,
    IGrainFactory Grains,
    TimeProvider Time
);

/// <summary>A tenant's home page, <c>/{tenant}/</c>.</summary>
public static class HomePages
{
    /// <summary>How many of a kind the home page lists; the rest are counted, with a link to the whole list.</summary>
    public const int Shown = 10;

    public static void MapHomePages(this IEndpointRouteBuilder tenant) =>
        tenant.MapGet("/", TenantHomePageAsync).RequirePermission(CorePermissions.View).ExcludeFromDescription();

    /// <summary>Takes the request for its reader: action items are shown as they may see them, and modules' blocks
    /// only to those who may open them.</summary>
    public static async Task<RazorComponentResult<TenantHomePage>> TenantHomePageAsync(
        HttpContext http,
        ITenantContext tenant,
        [AsParameters] HomeServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var today = Clock.TodayInJapan(services.Time);
        var year = FiscalYear.Of(today);
        var planned = (
            await services.Meetings.ListAsync(
                tenantId,
                new MeetingStore.Filter(From: today, Status: MeetingStatus.Planned),
                cancellationToken
            )
        )
            .OrderBy(m => m.Date)
            .Take(Shown)
            .ToList();
        // Held meetings of this fiscal year wait for their 概要; older ones are counted apart: a past year's record is
        // rarely confirmed after the fact, and listing them for ever (the demo's 平成30年度) buries this year's work.
        var held = await services.Meetings.ListAsync(
            tenantId,
            new MeetingStore.Filter(To: today, Status: MeetingStatus.Held),
            cancellationToken
        );
        var thisYear = held.Where(m => year.Contains(m.Date)).OrderBy(m => m.Date).ToList();
        var views = await services.Context.ViewsAsync(tenantId, planned.Concat(thisYear), cancellationToken);
        var open = await services.Disclosure.ActionsAsync(
            http,
            await services.Records.ListActionsAsync(tenantId, null, ActionStatus.Open, cancellationToken)
        );
        var titles = new Dictionary<string, string>();
        foreach (var id in open.Select(a => a.MeetingId).Distinct())
            titles[id] = (await services.Meetings.FindAsync(tenantId, id, cancellationToken))?.Title ?? "";
        var actions = open.Select(a => new HomeAction(a, titles[a.MeetingId], a.DueDate < today))
            .OrderByDescending(a => a.Overdue)
            .ThenBy(a => a.Item.DueDate ?? DateOnly.MaxValue)
            .ToList();
        var districts = await services.Districts.ListAsync(tenantId, cancellationToken);
        var cadences = await Task.WhenAll(
            districts.Select(d =>
                services.Grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(tenantId, d.Id)).GetCadence(year.Year)
            )
        );
        var behind = districts
            .Select((d, i) => CadenceView.Of(d, cadences[i]))
            .Where(c => c.Status != "ok")
            .OrderByDescending(c => c.Status == "overdue")
            .ToList();
        var role = http.Account()?.RoleIn(tenantId, null);
        var sections = new List<ToDoSection>();
        foreach (var source in await services.Gate.InEffectAsync(services.Sources, tenantId, null))
            if (role >= (Role)source.Permission.Role)
                if (await source.SectionAsync(tenantId, cancellationToken) is { Items.Count: > 0 } section)
                    sections.Add(section);
        return PageResult.For<TenantHomePage, TenantHomeModel>(
            new TenantHomeModel(
                tenant.Tenant,
                today,
                year,
                views.Take(planned.Count).ToList(),
                views.Skip(planned.Count).ToList(),
                held.Count - thisYear.Count,
                actions,
                behind,
                sections,
                districts
            )
        );
    }
}
