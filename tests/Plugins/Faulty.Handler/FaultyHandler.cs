using Autofac;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Events;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Security;

[assembly: Module(
    "Faulty.Handler",
    Name = "処理中に失敗する検査用プラグイン",
    Scope = ModuleScope.District,
    Startup = typeof(Faulty.Handler.Startup)
)]

namespace Faulty.Handler;

/// <summary>Starts fine, then throws in an event handler or in an endpoint: it must be isolated, not the
/// host.</summary>
public sealed class Startup : ModuleStartup
{
    private static readonly Permission View = new("faulty.view", "検査用", StaffRole.Viewer);

    public override void ConfigureServices(ContainerBuilder services)
    {
        services.RegisterType<Throwing>().As<IEventHandler<MeetingStatusChanged>>().SingleInstance();
        services.RegisterType<FaultyPermissions>().As<IPermissionProvider>().SingleInstance();
    }

    public override void MapEndpoints(IEndpointRouteBuilder tenant)
    {
        tenant.MapGet("/faulty/ok", () => "ok").RequirePermission(View);
        tenant
            .MapGet("/faulty/boom", string () => throw new InvalidOperationException("boom on purpose"))
            .RequirePermission(View);
    }

    private sealed class FaultyPermissions : IPermissionProvider
    {
        public IEnumerable<Permission> Permissions => [View];
    }

    private sealed class Throwing : IEventHandler<MeetingStatusChanged>
    {
        public Task HandleAsync(MeetingStatusChanged @event, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler broken on purpose");
    }
}
