using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Districts;
using Platform.Core.Grains;
using Platform.Core.Meetings;
using Platform.Core.Minutes;
using Platform.Core.Storage;

namespace Platform.Core.Cadence;

/// <summary>A district's cadence as the API answers it (API.md): counts, status and the meetings counted.</summary>
public sealed record CadenceView(
    string DistrictId,
    string DistrictName,
    int FiscalYear,
    string FiscalYearName,
    DateOnly From,
    DateOnly To,
    int Held,
    int Planned,
    string Status,
    DateOnly? LastHeld,
    int? DaysSinceLastHeld,
    DateOnly? NextPlanned,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<BodyCadence> Bodies,
    IReadOnlyList<CountedMeeting> Meetings
)
{
    public static CadenceView Of(District district, DistrictCadence c)
    {
        var year = new FiscalYear(c.FiscalYear);
        return new CadenceView(
            district.Id,
            district.Name,
            year.Year,
            year.Name,
            year.Start,
            year.End,
            c.Result.Held,
            c.Result.Planned,
            c.Result.Status.ToString().ToLowerInvariant(),
            c.Result.LastHeld,
            c.Result.DaysSinceLastHeld,
            c.Result.NextPlanned,
            c.Result.Reasons,
            c.Bodies,
            c.Meetings
        );
    }
}

/// <summary>
/// A row of the tenant dashboard: a district's cadence now, and its held meetings of this fiscal year still without
/// approved minutes a week on. Those of past fiscal years are listed apart (<see cref="PastSummariesMissing"/>) and
/// not urged: the year is closed and reported, and listing them for ever buried this year's late summaries.
/// </summary>
public sealed record DashboardRow(CadenceView Cadence, IReadOnlyList<MeetingView> SummariesMissing)
{
    /// <summary>Held meetings of past fiscal years without approved minutes, oldest first.</summary>
    public IReadOnlyList<MeetingView> PastSummariesMissing { get; init; } = [];
}

/// <summary>What the cadence handlers and the dashboard page use, bound as one parameter.</summary>
public sealed record CadenceServices(
    DistrictStore Districts,
    MeetingStore Meetings,
    MeetingContext Context,
    IGrainFactory Grains,
    TimeProvider Time
);

/// <summary>
/// A district's cadence and calendar (<c>/api/districts/{districtId}/…</c>) and the tenant's dashboard
/// (<c>/api/dashboard</c>): how often the districts' bodies met this fiscal year.
/// </summary>
public static class CadenceApi
{
    public const int SummaryGraceDays = 7;

    public static FiscalYear ReadFiscalYear(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
            return FiscalYear.Of(today);
        if (JapaneseNumber.HasForeignDigits(text))
            throw new ValidationErrors()
                .Add("fiscalYear", JapaneseNumber.DigitsCode, JapaneseNumber.DigitsMessage("年度", text))
                .ToException();
        if (JapaneseNumber.TryRead(text, 9999, out var year) == NumberReading.Read && year is >= 1990 and <= 2200)
            return new FiscalYear((int)year);
        throw new ValidationErrors()
            .Add(
                "fiscalYear",
                "cadence.invalid_fiscal_year",
                $"年度「{text}」は西暦の年（例：2018 = 平成30年度）で指定してください。"
            )
            .ToException();
    }

    public static void MapCadenceApi(this IEndpointRouteBuilder tenant)
    {
        var api = tenant
            .MapGroup("/api")
            .WithTags("Cadence")
            .RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        api.MapGet("/districts/{districtId}/cadence", GetDistrictCadence)
            .Describe("getDistrictCadence", "地区の開催状況", "A district's cadence")
            .Refuses(400, "cadence.invalid_fiscal_year", JapaneseNumber.DigitsCode)
            .Refuses(404, "district.not_found");
        api.MapGet("/districts/{districtId}/calendar.ics", GetDistrictCalendar)
            .Describe("getDistrictCalendar", "地区の会議カレンダー（iCalendar）", "A district's meetings as iCalendar")
            .ProducesFile("text/calendar")
            .Refuses(404, "district.not_found");
        api.MapGet("/dashboard", GetDashboard)
            .Describe("getDashboard", "開催状況ダッシュボード", "The districts' cadence and late summaries");
    }

    public static async Task<Ok<CadenceView>> GetDistrictCadence(
        ITenantContext tenant,
        string districtId,
        string? fiscalYear,
        DistrictStore districts,
        IGrainFactory grains,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var district = await districts.GetAsync(tenant.Tenant.Id, districtId, cancellationToken);
        var year = ReadFiscalYear(fiscalYear, Clock.TodayInJapan(time));
        var cadence = await grains
            .GetGrain<IDistrictGrain>(DistrictGrainKey.For(tenant.Tenant.Id, district.Id))
            .GetCadence(year.Year);
        return TypedResults.Ok(CadenceView.Of(district, cadence));
    }

    public static async Task<ContentHttpResult> GetDistrictCalendar(
        ITenantContext tenant,
        string districtId,
        [AsParameters] CadenceServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var district = await services.Districts.GetAsync(tenantId, districtId, cancellationToken);
        var list = await services.Meetings.ListAsync(
            tenantId,
            new MeetingStore.Filter(DistrictId: district.Id),
            cancellationToken
        );
        var views = await services.Context.ViewsAsync(tenantId, list, cancellationToken);
        return TypedResults.Text(
            IcsWriter.Calendar(district.Name, tenant.Tenant, views),
            "text/calendar; charset=utf-8"
        );
    }

    public static async Task<Ok<IReadOnlyList<DashboardRow>>> GetDashboard(
        ITenantContext tenant,
        [AsParameters] CadenceServices services,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await DashboardAsync(tenant.Tenant.Id, services, cancellationToken));

    /// <summary>Each district's cadence now, with its held meetings still without approved minutes a week on.</summary>
    public static async Task<IReadOnlyList<DashboardRow>> DashboardAsync(
        string tenantId,
        CadenceServices services,
        CancellationToken cancellationToken
    )
    {
        var today = Clock.TodayInJapan(services.Time);
        var year = FiscalYear.Of(today);
        var held = await services.Meetings.ListAsync(
            tenantId,
            new MeetingStore.Filter(To: today.AddDays(-SummaryGraceDays), Status: MeetingStatus.Held),
            cancellationToken
        );
        var late = await services.Context.ViewsAsync(tenantId, held, cancellationToken);
        // The districts' grains are asked together: on a first visit each one reads its bodies and meetings, and a
        // large city has about 150 districts, which one after another took over a second (build/bench/README.md,
        // NationwideQueries).
        var list = await services.Districts.ListAsync(tenantId, cancellationToken);
        var cadences = await Task.WhenAll(
            list.Select(d =>
                services.Grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(tenantId, d.Id)).GetCadence(year.Year)
            )
        );
        return list.Select(
                (district, i) =>
                    new DashboardRow(
                        CadenceView.Of(district, cadences[i]),
                        late.Where(m => m.DistrictId == district.Id && m.Date >= year.Start).ToList()
                    )
                    {
                        PastSummariesMissing = late.Where(m => m.DistrictId == district.Id && m.Date < year.Start)
                            .OrderBy(m => m.Date)
                            .ToList(),
                    }
            )
            .ToList();
    }
}
