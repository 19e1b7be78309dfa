using Autofac;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Navigation;
using Platform.Abstractions.Search;
using Platform.Abstractions.Security;
using Platform.Abstractions.Seeds;
using Platform.Resources.Resources;

namespace Platform.Resources;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(ContainerBuilder services)
    {
        services.RegisterType<ResourcePermissions>().As<IPermissionProvider>().SingleInstance();
        services.RegisterType<ResourceStore>().AsSelf().SingleInstance();
        services.RegisterType<ResourceRules>().AsSelf().SingleInstance();
        services.RegisterType<ResourceNavigation>().As<IMeetingNavigation>().As<IMenuContributor>().SingleInstance();
        services.RegisterType<ResourceSearch>().As<ISearchSource>().SingleInstance();
        services.RegisterType<ResourceSeeder>().As<IModuleSeeder>().SingleInstance();
    }

    public override void MapEndpoints(IEndpointRouteBuilder tenant)
    {
        tenant.MapResourceApi();
        tenant.MapResourcePages();
    }
}
