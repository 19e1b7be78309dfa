using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Districts;
using Platform.Core.Grains;
using Platform.Core.Meetings;
using Platform.Core.Minutes;
using Platform.Core.Storage;
using Platform.Core.Tenancy;

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
    IReadOnlyList<CountedMeeting> Meetings)
{
    public static CadenceView Of(District district, DistrictCadence c)
    {
        var year = new FiscalYear(c.FiscalYear);
        return new CadenceView(district.Id, district.Name, year.Year, year.Name, year.Start, year.End, c.Result.Held, c.Result.Planned,
            c.Result.Status.ToString().ToLowerInvariant(), c.Result.LastHeld, c.Result.DaysSinceLastHeld, c.Result.NextPlanned, c.Result.Reasons, c.Bodies, c.Meetings);
    }
}

/// <summary>A row of the tenant dashboard: a district's cadence now, and its held meetings still without approved minutes a week on.</summary>
public sealed record DashboardRow(CadenceView Cadence, IReadOnlyList<MeetingView> SummariesMissing);

public static class CadenceEndpoints
{
    public const int SummaryGraceDays = 7;

    public static FiscalYear ReadFiscalYear(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return FiscalYear.Of(today);
        if (JapaneseNumber.HasForeignDigits(text))
            throw new ValidationErrors().Add("fiscalYear", JapaneseNumber.DigitsCode, JapaneseNumber.DigitsMessage("年度", text)).ToException();
        if (JapaneseNumber.TryRead(text, 9999, out var year) == NumberReading.Read && year is >= 1990 and <= 2200) return new FiscalYear((int)year);
        throw new ValidationErrors().Add("fiscalYear", "cadence.invalid_fiscal_year", $"年度「{text}」は西暦の年（例：2018 = 平成30年度）で指定してください。").ToException();
    }

    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        tenant.MapGet("/api/districts/{districtId}/cadence", async (HttpContext http, string? fiscalYear, IGrainFactory grains, TimeProvider time) =>
        {
            var district = http.District();
            var year = ReadFiscalYear(fiscalYear, Clock.TodayInJapan(time));
            var cadence = await grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(http.Tenant().Id, district.Id)).GetCadence(year.Year);
            return CadenceView.Of(district, cadence);
        }).WithTags("Cadence");
        tenant.MapGet("/api/districts/{districtId}/calendar.ics", async (HttpContext http, MeetingStore meetings, MeetingContext context) =>
        {
            var list = await meetings.ListAsync(http.Tenant().Id, new MeetingStore.Filter(DistrictId: http.District().Id), http.RequestAborted);
            return Results.Text(IcsWriter.Calendar(http.District().Name, http.Tenant(), await context.ViewsAsync(http, list)), "text/calendar; charset=utf-8");
        }).WithTags("Cadence");
        tenant.MapGet("/api/dashboard", (HttpContext http, DistrictStore districts, MeetingStore meetings, MeetingContext context, IGrainFactory grains, TimeProvider time) =>
            DashboardAsync(http, districts, meetings, context, grains, time)).WithTags("Cadence");
        tenant.MapGet("/dashboard", async (HttpContext http, DistrictStore districts, MeetingStore meetings, MeetingContext context, IGrainFactory grains, TimeProvider time) =>
            new RazorComponentResult<DashboardPage>(new
            {
                Tenant = http.Tenant(),
                Today = Clock.TodayInJapan(time),
                Rows = await DashboardAsync(http, districts, meetings, context, grains, time),
            })).ExcludeFromDescription();
    }

    private static async Task<IReadOnlyList<DashboardRow>> DashboardAsync(HttpContext http, DistrictStore districts, MeetingStore meetings, MeetingContext context,
        IGrainFactory grains, TimeProvider time)
    {
        var tenantId = http.Tenant().Id;
        var today = Clock.TodayInJapan(time);
        var year = FiscalYear.Of(today);
        var late = await context.ViewsAsync(http, await meetings.ListAsync(tenantId,
            new MeetingStore.Filter(To: today.AddDays(-SummaryGraceDays), Status: MeetingStatus.Held), http.RequestAborted));
        // The districts' grains are asked together: on a first visit each one reads its bodies and meetings, and a large
        // city has about 150 districts, which one after another took over a second (build/bench/README.md, NationwideQueries).
        var list = await districts.ListAsync(tenantId, http.RequestAborted);
        var cadences = await Task.WhenAll(list.Select(d => grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(tenantId, d.Id)).GetCadence(year.Year)));
        return list.Select((district, i) => new DashboardRow(CadenceView.Of(district, cadences[i]), late.Where(m => m.DistrictId == district.Id).ToList())).ToList();
    }
}
