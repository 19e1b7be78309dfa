using Autofac;
using Microsoft.AspNetCore.Routing;
using Miyagi.ExchangeSessions.Rounds;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Navigation;
using Platform.Abstractions.Security;
using Platform.Abstractions.Seeds;

namespace Miyagi.ExchangeSessions;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(ContainerBuilder services)
    {
        services.RegisterType<ExchangePermissions>().As<IPermissionProvider>().SingleInstance();
        services.RegisterType<ExchangeMenu>().As<IMenuContributor>().SingleInstance();
        services.RegisterType<ImportWarningsToDo>().As<IToDoSource>().SingleInstance();
        services.RegisterType<ExchangeImporter>().AsSelf().SingleInstance();
        services.RegisterType<RoundStore>().AsSelf().SingleInstance();
        services.RegisterType<ImportGate>().AsSelf().SingleInstance();
        services.RegisterType<ExchangeSeeder>().As<IModuleSeeder>().SingleInstance();
    }

    public override void MapEndpoints(IEndpointRouteBuilder tenant)
    {
        tenant.MapRoundApi();
        tenant.MapRoundPages();
    }
}
