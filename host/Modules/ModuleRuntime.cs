using System.Collections.Concurrent;
using Autofac;
using Autofac.Builder;
using Autofac.Core;
using Autofac.Core.Lifetime;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Tenancy;
using Platform.Core.Modules;

namespace Platform.Host.Modules;

/// <summary>
/// The module runtime: every module's services in the host's one container (Autofac, the root of the host), and one
/// lifetime scope per tenant, tagged with the tenant id, where the tenant's own registrations sit over the shared ones;
/// each request's scope is begun inside its tenant's (<c>TenantMiddleware</c>).
/// <para>
/// Orchard Core builds a whole container per tenant; with 1,741 municipalities that costs too much memory and
/// start-up time. Here every module is registered once, and what is switched per tenant and district is checked at
/// each entry point (<see cref="ModuleGateMiddleware"/>, <see cref="EventPublisher"/>, navigation). Tenant scopes are
/// created on a tenant's first request, so a tenant that is never used costs nothing here.
/// </para>
/// </summary>
public sealed class ModuleRuntime : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ILifetimeScope>> _tenantScopes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TenantInfo> _tenants = new(StringComparer.Ordinal);
    private readonly List<(ModuleDescriptor Module, ModuleStartup Startup)> _startups = [];
    private ILifetimeScope? _root;

    private readonly Plugins.PluginRegistry _plugins;

    public ModuleRuntime(ModuleCatalog catalog, Plugins.PluginRegistry? plugins = null)
    {
        Catalog = catalog;
        _plugins = plugins ?? new Plugins.PluginRegistry();
        foreach (var module in catalog.Modules)
            if (module.StartupType is { } type)
                Guard(module, "起動", () => _startups.Add((module, (ModuleStartup)Activator.CreateInstance(type)!)));
    }

    /// <summary>
    /// Runs a step of a plugin's start-up; a plugin that throws is marked faulted and left out, and the host goes on.
    /// Modules compiled with the host are trusted like the host: their exceptions stop it, as any bug of the host
    /// would.
    /// </summary>
    public bool Guard(ModuleDescriptor module, string step, Action action)
    {
        if (!module.IsPlugin)
        {
            action();
            return true;
        }
        if (_plugins.IsFaulted(module.Id, out _))
            return false;
        try
        {
            action();
            return true;
        }
        catch (Exception e)
        {
            _plugins.MarkFaulted(module.Id, $"{step}で例外：{e.GetType().Name}: {e.Message}");
            return false;
        }
    }

    public ModuleCatalog Catalog { get; }

    public IEnumerable<(ModuleDescriptor Module, ModuleStartup Startup)> Startups => _startups;

    /// <summary>The host's root scope: the container every tenant's scope is begun in.</summary>
    public ILifetimeScope Container =>
        _root ?? throw new InvalidOperationException("The container is built when the host is.");

    /// <summary>
    /// Registers every module's services in the host's container as it is built (the configuration action of
    /// <c>AutofacServiceProviderFactory</c>), after the host's own <see cref="IServiceCollection"/> registrations.
    /// </summary>
    public void Register(ContainerBuilder builder)
    {
        foreach (var (module, startup) in _startups)
        {
            // A plugin's registrations are tried on a scratch builder first, so that one that throws half-way leaves
            // nothing behind.
            if (
                module.IsPlugin
                && !Guard(module, "サービス登録", () => startup.ConfigureServices(new ContainerBuilder()))
            )
                continue;
            startup.ConfigureServices(builder);
        }
        RegisterTenantPlaceholders(builder);
        builder
            .Register(c => new TenantContext(TenantOf(c.Resolve<ILifetimeScope>())))
            .As<ITenantContext>()
            .InstancePerLifetimeScope();
    }

    /// <summary>The tenant whose scope <paramref name="scope"/> is, or is begun in.</summary>
    private TenantInfo TenantOf(ILifetimeScope scope)
    {
        for (var s = scope as ISharingLifetimeScope; s?.ParentLifetimeScope is not null; s = s.ParentLifetimeScope)
            if (s.Tag is string id && _tenants.TryGetValue(id, out var tenant))
                return tenant;
        throw new InvalidOperationException("ITenantContext is resolved inside a tenant's scope only.");
    }

    /// <summary>Takes the built container's root scope, in which tenants' scopes are begun.</summary>
    public void Attach(ILifetimeScope root) => _root = root;

    // Services registered per tenant must be known to the root scope too, so that endpoints mapped at start-up
    // bind them as services; outside a tenant's scope they throw. Each tenant scope registers the real ones over these.
    private void RegisterTenantPlaceholders(ContainerBuilder builder)
    {
        var probe = new ContainerBuilder();
        var sample = new TenantInfo("sample", "見本", TenantKind.Municipality, "000000");
        probe.RegisterInstance(new TenantContext(sample)).As<ITenantContext>();
        foreach (var (module, startup) in _startups)
            if (
                !module.IsPlugin
                || Guard(
                    module,
                    "テナント別サービス登録",
                    () => startup.ConfigureTenantServices(new ContainerBuilder(), sample)
                )
            )
                startup.ConfigureTenantServices(probe, sample);
        using var registered = probe.Build();
        foreach (
            var type in registered
                .ComponentRegistry.Registrations.SelectMany(r => r.Services)
                .OfType<TypedService>()
                .Select(s => s.ServiceType)
                .Distinct()
        )
        {
            if (type == typeof(ILifetimeScope) || type == typeof(IComponentContext) || type == typeof(ITenantContext))
                continue;
            builder.ComponentRegistryBuilder.Register(
                RegistrationBuilder
                    .ForDelegate(
                        type,
                        (_, _) =>
                            throw new InvalidOperationException(
                                $"{type.Name} is registered per tenant: resolve it inside a tenant's scope."
                            )
                    )
                    .As(type)
                    .CreateRegistration()
            );
        }
    }

    /// <summary>
    /// The tenant's scope, tagged with its id. A scope with registrations of its own gets a registry of its own, which
    /// in the host's one container (Orleans' and ASP.NET's services too) cost some 30 KB per tenant in
    /// build/bench/TenantDensity: so only modules that do register per tenant make one.
    /// </summary>
    public ILifetimeScope TenantScope(TenantInfo tenant) =>
        _tenantScopes
            .GetOrAdd(
                tenant.Id,
                id => new Lazy<ILifetimeScope>(() =>
                {
                    _tenants[id] = tenant;
                    var own = _startups
                        .Where(s =>
                            RegistersPerTenant(s.Startup)
                            && (!s.Module.IsPlugin || !_plugins.IsFaulted(s.Module.Id, out _))
                        )
                        .ToList();
                    return own.Count == 0
                        ? Container.BeginLifetimeScope(id)
                        : Container.BeginLifetimeScope(
                            id,
                            builder =>
                            {
                                foreach (var (_, startup) in own)
                                    startup.ConfigureTenantServices(builder, tenant);
                            }
                        );
                })
            )
            .Value;

    private static bool RegistersPerTenant(ModuleStartup startup) =>
        startup.GetType().GetMethod(nameof(ModuleStartup.ConfigureTenantServices))!.DeclaringType
        != typeof(ModuleStartup);

    public int TenantScopeCount => _tenantScopes.Count;

    public void Dispose()
    {
        // The container itself is the host's, disposed with it.
        foreach (var scope in _tenantScopes.Values.Where(s => s.IsValueCreated))
            scope.Value.Dispose();
    }

    private sealed record TenantContext(TenantInfo Tenant) : ITenantContext;
}
