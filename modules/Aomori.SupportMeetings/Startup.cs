using Aomori.SupportMeetings.Comparison;
using Aomori.SupportMeetings.Rollout;
using Aomori.SupportMeetings.SupportMeetings;
using Autofac;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Events;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Navigation;
using Platform.Abstractions.Security;
using Platform.Abstractions.Seeds;

namespace Aomori.SupportMeetings;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(ContainerBuilder services)
    {
        services.RegisterType<SupportMeetingPermissions>().As<IPermissionProvider>().SingleInstance();
        services
            .RegisterType<SupportMeetingNavigation>()
            .As<IDistrictNavigation>()
            .As<IMenuContributor>()
            .SingleInstance();
        services.RegisterType<SupportMeetingBodies>().AsSelf().SingleInstance();
        services.RegisterType<SupportMeetingRules>().AsSelf().SingleInstance();
        services.RegisterType<LinkedMeetings>().AsSelf().SingleInstance();
        services.RegisterType<RolloutService>().AsSelf().SingleInstance();
        services.RegisterType<RolloutBoard>().AsSelf().SingleInstance();
        services.RegisterType<DistrictComparison>().AsSelf().SingleInstance();
        services.RegisterType<SupportMeetingKinds>().As<IMeetingKindSource>().SingleInstance();
        services.RegisterType<TopicTemplates>().As<IAgendaTemplateSource>().SingleInstance();
        services.RegisterType<SteeringCommitteeRule>().As<IMeetingSchedulingRule>().SingleInstance();
        services.RegisterType<RolloutTracker>().As<IEventHandler<MeetingStatusChanged>>().SingleInstance();
        services.RegisterType<SettingsSync>().As<IEventHandler<ModuleSettingsChanged>>().SingleInstance();
        services.RegisterType<SupportMeetingSeeder>().As<IModuleSeeder>().SingleInstance();
    }

    public override void MapEndpoints(IEndpointRouteBuilder tenant)
    {
        tenant.MapSupportMeetingApi();
        tenant.MapSupportMeetingPages();
    }
}
