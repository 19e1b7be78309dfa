using Autofac;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;

[assembly: Module(
    "Sample.SeniorsClubMeeting",
    Name = "老人クラブ連絡会（サンプル）",
    Description = "老人クラブとの連絡会を会議の種類に加えます。クラブ名と会員数を記録し、概要に載せます。",
    Category = "会議の種類",
    Version = "1.0.0",
    Scope = ModuleScope.District,
    Startup = typeof(Sample.SeniorsClubMeeting.Startup)
)]

namespace Sample.SeniorsClubMeeting;

/// <summary>A vendor's plugin: a meeting kind with fields of its own, and a district page of its meetings.</summary>
public sealed class Startup : ModuleStartup
{
    public const string Kind = "sample.seniors-club-liaison";

    public static readonly Permission View = new(
        "sample.seniors-club.view",
        "老人クラブ連絡会の一覧を見る",
        StaffRole.Viewer
    );

    public override void ConfigureServices(ContainerBuilder services)
    {
        services.RegisterType<LiaisonKind>().As<IMeetingKindSource>().SingleInstance();
        services.RegisterType<LiaisonPermissions>().As<IPermissionProvider>().SingleInstance();
    }

    public override void MapEndpoints(IEndpointRouteBuilder tenant) =>
        tenant
            .MapGet("/districts/{districtId}/seniors-club", ShowLiaisonMeetings)
            .RequirePermission(View)
            .ExcludeFromDescription();

    public static async Task<RazorComponentResult<LiaisonMeetingsPage>> ShowLiaisonMeetings(
        string districtId,
        ITenantContext context,
        IMeetingQueries meetings,
        CancellationToken cancellationToken
    )
    {
        var all = await meetings.ListAsync(
            context.Tenant.Id,
            new DateOnly(2000, 1, 1),
            new DateOnly(2100, 1, 1),
            cancellationToken
        );
        var list = all.Where(m => m.Kind == Kind && m.DistrictId == districtId).OrderBy(m => m.Date).ToList();
        return PageResult.For<LiaisonMeetingsPage, LiaisonMeetingsModel>(
            new LiaisonMeetingsModel(context.Tenant, list)
        );
    }

    private sealed class LiaisonPermissions : IPermissionProvider
    {
        public IEnumerable<Permission> Permissions => [View];
    }

    private sealed class LiaisonKind : IMeetingKindSource
    {
        public IEnumerable<MeetingKind> Kinds =>
            [
                new(
                    Kind,
                    "老人クラブ連絡会",
                    [
                        new MeetingKindField("clubName", "老人クラブ名", MeetingFieldType.Text, Required: true),
                        new MeetingKindField(
                            "membershipCount",
                            "老人クラブ会員数",
                            MeetingFieldType.Number,
                            Required: true
                        ),
                    ]
                ),
            ];
    }
}
