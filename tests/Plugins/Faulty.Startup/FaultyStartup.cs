using Autofac;
using Platform.Abstractions.Modules;

[assembly: Module(
    "Faulty.Startup",
    Name = "起動時に失敗する検査用プラグイン",
    Scope = ModuleScope.Tenant,
    Startup = typeof(Faulty.Startup.Startup)
)]

namespace Faulty.Startup;

/// <summary>Throws while registering its services: the host must start without it.</summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(ContainerBuilder services) =>
        throw new InvalidOperationException("broken on purpose");
}
