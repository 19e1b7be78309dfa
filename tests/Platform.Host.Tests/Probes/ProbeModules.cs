using System.Collections.Concurrent;
using Autofac;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Events;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Tenancy;

[assembly: Module(
    "Probe.Base",
    Name = "検査用・基盤",
    Scope = ModuleScope.District,
    Startup = typeof(Platform.Host.Tests.Probes.Base.BaseStartup)
)]
[assembly: Module(
    "Probe.Dependent",
    Name = "検査用・依存",
    Scope = ModuleScope.District,
    Dependencies = ["Probe.Base"],
    Startup = typeof(Platform.Host.Tests.Probes.Dependent.DependentStartup)
)]
[assembly: Module(
    "Probe.TenantWide",
    Name = "検査用・テナント",
    Scope = ModuleScope.Tenant,
    Startup = typeof(Platform.Host.Tests.Probes.TenantWide.TenantWideStartup)
)]

// Modules that exist only in the tests: the host discovers them like any module compiled with it (this assembly
// sits beside it and references the SDK), so the runtime is tested through its real discovery.
namespace Platform.Host.Tests.Probes.Base
{
    public sealed class BaseStartup : ModuleStartup
    {
        public override void ConfigureServices(ContainerBuilder services) =>
            services
                .RegisterType<SwitchRecorder>()
                .AsSelf()
                .As<IEventHandler<ModuleSwitched>>()
                .As<IEventHandler<CadenceStatusChanged>>()
                .SingleInstance();

        public override void ConfigureTenantServices(ContainerBuilder services, TenantInfo tenant) =>
            services.RegisterInstance(new Greeting($"{tenant.Name}専用")).As<Greeting>();

        public override void MapEndpoints(IEndpointRouteBuilder tenant)
        {
            tenant = tenant.MapGroup("").RequirePermission(CorePermissions.View);
            tenant.MapGet(
                "/districts/{districtId}/probe-base",
                (Microsoft.AspNetCore.Http.HttpContext http) => $"base:{http.District().Name}"
            );
            tenant.MapGet("/probe-greeting", (Greeting greeting) => greeting.Text);
        }
    }

    public sealed record Greeting(string Text);

    /// <summary>Records the events it is given, so tests can see whether it was called. One per host.</summary>
    public sealed class SwitchRecorder : IEventHandler<ModuleSwitched>, IEventHandler<CadenceStatusChanged>
    {
        public readonly ConcurrentQueue<ModuleSwitched> Seen = new();

        public readonly ConcurrentQueue<CadenceStatusChanged> Cadence = new();

        public Task HandleAsync(ModuleSwitched @event, CancellationToken cancellationToken)
        {
            Seen.Enqueue(@event);
            return Task.CompletedTask;
        }

        public Task HandleAsync(CadenceStatusChanged @event, CancellationToken cancellationToken)
        {
            Cadence.Enqueue(@event);
            return Task.CompletedTask;
        }
    }
}

namespace Platform.Host.Tests.Probes.Dependent
{
    public sealed class DependentStartup : ModuleStartup
    {
        public override void ConfigureServices(ContainerBuilder services) =>
            services.RegisterType<ThrowingHandler>().As<IEventHandler<ModuleSwitched>>().SingleInstance();

        public override void MapEndpoints(IEndpointRouteBuilder tenant) =>
            tenant
                .MapGet("/districts/{districtId}/probe-dependent", () => "dependent")
                .RequirePermission(CorePermissions.View);
    }

    /// <summary>A handler that fails: the change that raised the event must still succeed.</summary>
    public sealed class ThrowingHandler : IEventHandler<ModuleSwitched>
    {
        public Task HandleAsync(ModuleSwitched @event, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("probe failure");
    }
}

namespace Platform.Host.Tests.Probes.TenantWide
{
    public sealed class TenantWideStartup : ModuleStartup
    {
        public override void MapEndpoints(IEndpointRouteBuilder tenant)
        {
            tenant.MapGet("/probe-tenant", () => "tenant").RequirePermission(CorePermissions.View);
            // States no permission: refused whoever asks (PermissionTests).
            tenant.MapGet("/probe-undeclared", () => "undeclared");
        }
    }
}
