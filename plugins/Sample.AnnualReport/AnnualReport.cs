using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Tenancy;

[assembly: Module("Sample.AnnualReport",
    Name = "都道府県への年次報告（サンプル）",
    Description = "協議体の会議の開催回数を、層ごと・年度ごとに数えて、県に提出する表（画面とCSV）にします。",
    Category = "報告",
    Version = "1.0.0",
    Scope = ModuleScope.Tenant,
    Startup = typeof(Sample.AnnualReport.Startup))]

namespace Sample.AnnualReport;

/// <summary>A vendor's plugin: the yearly count of meetings per tier that municipalities send to the prefecture.</summary>
public sealed class Startup : ModuleStartup
{
    public override void MapEndpoints(IEndpointRouteBuilder tenant)
    {
        tenant.MapGet("/reports/annual", async (ITenantContext context, IMeetingQueries meetings, int? fiscalYear, CancellationToken cancellationToken) =>
        {
            var report = await Report.BuildAsync(context.Tenant, meetings, fiscalYear, cancellationToken);
            return Results.Content(report.Html(), "text/html; charset=utf-8");
        });
        tenant.MapGet("/api/reports/annual.csv", async (ITenantContext context, IMeetingQueries meetings, int? fiscalYear, CancellationToken cancellationToken) =>
        {
            var report = await Report.BuildAsync(context.Tenant, meetings, fiscalYear, cancellationToken);
            return Results.Bytes([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(report.Csv())], "text/csv; charset=utf-8", $"annual-{report.FiscalYear}.csv");
        });
    }
}

/// <summary>Held meetings (and planned ones) per tier in one fiscal year (April–March).</summary>
public sealed record Report(TenantInfo Tenant, int FiscalYear, IReadOnlyList<(int Tier, int Held, int Planned)> Rows)
{
    public static async Task<Report> BuildAsync(TenantInfo tenant, IMeetingQueries meetings, int? fiscalYear, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var year = fiscalYear ?? (today.Month >= 4 ? today.Year : today.Year - 1);
        var list = await meetings.ListAsync(tenant.Id, new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31), cancellationToken);
        var rows = Enumerable.Range(1, 3).Select(tier => (tier,
            list.Count(m => m.Tier == tier && m.Status is "held" or "minutesApproved"),
            list.Count(m => m.Tier == tier && m.Status == "planned"))).ToList();
        return new Report(tenant, year, rows);
    }

    public string Csv()
    {
        var csv = new StringBuilder("団体,地方公共団体コード,年度,層,開催回数,予定回数\r\n");
        foreach (var (tier, held, planned) in Rows)
            csv.Append($"{Tenant.Name},{Tenant.LocalGovernmentCode},{FiscalYear}年度,第{tier}層,{held},{planned}\r\n");
        return csv.ToString();
    }

    public string Html()
    {
        var rows = string.Concat(Rows.Select(r => $"<tr><td>第{r.Tier}層</td><td>{r.Held}</td><td>{r.Planned}</td></tr>"));
        return $"""
            <!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>年次報告 {FiscalYear}年度</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="page"><h1>{WebUtility.HtmlEncode(Tenant.Name)}　協議体の開催状況（{FiscalYear}年度）</h1>
            <table class="grid" data-testid="annual-report"><thead><tr><th>層</th><th>開催回数</th><th>予定回数</th></tr></thead><tbody>{rows}</tbody></table>
            <p><a href="/{Tenant.Id}/api/reports/annual.csv?fiscalYear={FiscalYear}">CSVで出力</a></p></main></body></html>
            """;
    }
}
