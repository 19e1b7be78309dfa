using Autofac;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Navigation;
using Aomori.SupportMeetings.SupportMeetings;

namespace Aomori.SupportMeetings;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(ContainerBuilder services)
    {
        services.RegisterType<SupportMeetingNavigation>().As<IDistrictNavigation>().SingleInstance();
    }

    public override void MapEndpoints(IEndpointRouteBuilder tenant) => SupportMeetingEndpoints.Map(tenant);
}
