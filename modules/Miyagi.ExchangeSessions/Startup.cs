using Autofac;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Modules;

namespace Miyagi.ExchangeSessions;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(ContainerBuilder services)
    {
    }
}
