using System.Text;
using Autofac;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Http;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;

[assembly: Module(
    "Sample.AnnualReport",
    Name = "都道府県への年次報告（サンプル）",
    Description = "協議体の会議の開催回数を、層ごと・年度ごとに数えて、県に提出する表（画面とCSV）にします。",
    Category = "報告",
    Version = "1.0.0",
    Scope = ModuleScope.Tenant,
    Startup = typeof(Sample.AnnualReport.Startup)
)]

namespace Sample.AnnualReport;

/// <summary>A vendor's plugin: the yearly count of meetings per tier that municipalities send the prefecture.</summary>
public sealed class Startup : ModuleStartup
{
    public static readonly Permission View = new(
        "sample.annual-report.view",
        "年次報告を見る・出力する",
        StaffRole.Viewer
    );

    public override void ConfigureServices(ContainerBuilder services) =>
        services.RegisterType<ReportPermissions>().As<IPermissionProvider>().SingleInstance();

    public override void MapEndpoints(IEndpointRouteBuilder tenant)
    {
        var routes = tenant.MapGroup("").RequirePermission(View);
        routes.MapGet("/reports/annual", ShowReport).ExcludeFromDescription();
        routes
            .MapGet("/api/reports/annual.csv", ExportReport)
            .WithTags("Sample.AnnualReport")
            .Describe("exportAnnualReport", "都道府県への年次報告（CSV）", "The annual report to the prefecture as CSV")
            .ProducesFile("text/csv");
    }

    public static async Task<RazorComponentResult<AnnualReportPage>> ShowReport(
        ITenantContext context,
        IMeetingQueries meetings,
        int? fiscalYear,
        CancellationToken cancellationToken
    ) =>
        PageResult.For<AnnualReportPage, Report>(
            await Report.BuildAsync(context.Tenant, meetings, fiscalYear, cancellationToken)
        );

    public static async Task<FileContentHttpResult> ExportReport(
        ITenantContext context,
        IMeetingQueries meetings,
        int? fiscalYear,
        CancellationToken cancellationToken
    )
    {
        var report = await Report.BuildAsync(context.Tenant, meetings, fiscalYear, cancellationToken);
        return TypedResults.Bytes(report.Csv(), "text/csv; charset=utf-8", $"annual-{report.FiscalYear}.csv");
    }
}

/// <summary>Held meetings (and planned ones) per tier in one fiscal year (April–March).</summary>
public sealed record Report(TenantInfo Tenant, int FiscalYear, IReadOnlyList<(int Tier, int Held, int Planned)> Rows)
{
    public static async Task<Report> BuildAsync(
        TenantInfo tenant,
        IMeetingQueries meetings,
        int? fiscalYear,
        CancellationToken cancellationToken
    )
    {
        var year = fiscalYear is { } y
            ? new Platform.Abstractions.Calendar.FiscalYear(y)
            : Platform.Abstractions.Calendar.FiscalYear.Of(Clock.TodayInJapan());
        var list = await meetings.ListAsync(tenant.Id, year.Start, year.End, cancellationToken);
        var rows = Enumerable
            .Range(1, 3)
            .Select(tier =>
                (
                    tier,
                    list.Count(m => m.Tier == tier && m.Status is MeetingStatus.Held or MeetingStatus.MinutesApproved),
                    list.Count(m => m.Tier == tier && m.Status == MeetingStatus.Planned)
                )
            )
            .ToList();
        return new Report(tenant, year.Year, rows);
    }

    /// <summary>
    /// For Japanese Excel: UTF-8 with BOM, CRLF, through the SDK's <see cref="Platform.Abstractions.Text.Csv"/>.
    /// </summary>
    public byte[] Csv()
    {
        var csv = new StringBuilder();
        Platform.Abstractions.Text.Csv.Line(csv, ["団体", "地方公共団体コード", "年度", "層", "開催回数", "予定回数"]);
        foreach (var (tier, held, planned) in Rows)
            Platform.Abstractions.Text.Csv.Line(
                csv,
                [Tenant.Name, Tenant.LocalGovernmentCode, $"{FiscalYear}年度", $"第{tier}層", $"{held}", $"{planned}"]
            );
        return Platform.Abstractions.Text.Csv.Utf8WithBom(csv);
    }
}

/// <summary>The plugin's permissions.</summary>
public sealed class ReportPermissions : IPermissionProvider
{
    public IEnumerable<Permission> Permissions => [Startup.View];
}
