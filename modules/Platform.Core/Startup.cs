using Autofac;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Documents;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Navigation;
using Platform.Abstractions.Records;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Bodies;
using Platform.Core.Cadence;
using Platform.Core.Districts;
using Platform.Core.Home;
using Platform.Core.Mail;
using Platform.Core.Meetings;
using Platform.Core.Minutes;
using Platform.Core.Navigation;
using Platform.Core.Notices;
using Platform.Core.Organisations;
using Platform.Core.People;
using Platform.Core.Privacy;
using Platform.Core.Records;
using Platform.Core.Sdk;
using Platform.Core.Search;

namespace Platform.Core;

/// <summary>The shared core's endpoints and pages. Its storage services live in the host's root container (see
/// <c>AddPlatformCore</c>), because the host's own middleware needs them too.</summary>
public sealed class Startup : ModuleStartup
{
    /// <summary>What modules and plugins reach the core through: the SDK's interfaces, implemented in
    /// <c>Sdk/</c>.</summary>
    public override void ConfigureServices(ContainerBuilder services)
    {
        services.RegisterType<CorePermissions>().As<IPermissionProvider>().SingleInstance();
        services.RegisterType<SdkBodies>().As<IBodies>().SingleInstance();
        services.RegisterType<SdkBodyMembership>().As<IBodyMembership>().SingleInstance();
        services.RegisterType<SdkMeetings>().As<IMeetings>().SingleInstance();
        services.RegisterType<SdkMeetingRecords>().As<IMeetingRecords>().SingleInstance();
        services.RegisterType<SdkMeetingImport>().As<IMeetingImport>().SingleInstance();
        services.RegisterType<SdkDocumentText>().As<IDocumentText>().SingleInstance();
        services.RegisterType<SdkMeetingActions>().As<IMeetingActions>().SingleInstance();
        services
            .RegisterType<SdkDirectory>()
            .As<IDistricts>()
            .As<IOrganisations>()
            .As<IPeople>()
            .As<ITenantDirectory>()
            .SingleInstance();
        services.RegisterType<SdkModules>().As<IModuleGate>().As<IDistrictModuleState>().SingleInstance();
        services.RegisterGeneric(typeof(SdkModuleSettings<>)).As(typeof(IModuleSettings<>)).SingleInstance();
        services.RegisterType<SdkModuleDatabase>().As<IModuleDatabase>().SingleInstance();
        services.RegisterType<CoreMenu>().As<IMenuContributor>().SingleInstance();
        // One per request: the frame asks it for the menu, which it builds once.
        services.RegisterType<SiteMenu>().As<ISiteMenu>().InstancePerLifetimeScope();
    }

    public override void MapEndpoints(IEndpointRouteBuilder tenant)
    {
        tenant.MapHomePages();
        tenant.MapDistrictApi();
        tenant.MapDistrictPages();
        tenant.MapOrganisationApi();
        tenant.MapOrganisationPages();
        tenant.MapPersonApi();
        tenant.MapPersonPages();
        tenant.MapBodyApi();
        tenant.MapBodyPages();
        tenant.MapMeetingApi();
        tenant.MapMeetingPages();
        tenant.MapNoticeApi();
        tenant.MapNoticePages();
        tenant.MapRecordApi();
        tenant.MapCorrectionApi();
        tenant.MapMinutesApi();
        tenant.MapMinutesPages();
        tenant.MapCadenceApi();
        tenant.MapCadencePages();
        tenant.MapSearchApi();
        tenant.MapSearchPages();
        tenant.MapPrivacyApi();
        tenant.MapPrivacyPages();
        tenant.MapMailApi();
        tenant.MapMailPages();
    }
}
