using Autofac;
using Autofac.Core;

namespace Platform.Host.Modules;

/// <summary>
/// A request's services: the tenant's Autofac request scope for what modules registered, the ASP.NET request scope
/// for everything else. Installed as <c>HttpContext.RequestServices</c> by <c>TenantMiddleware</c>, and used when
/// mapping module endpoints so that minimal-API handlers can take module services as parameters.
/// </summary>
public sealed class ModuleServiceProvider(ILifetimeScope scope, IServiceProvider fallback)
    : IServiceProvider, IServiceProviderIsService, IKeyedServiceProvider
{
    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(IServiceProvider) || serviceType == typeof(IServiceProviderIsService)) return this;
        return IsModuleService(serviceType) ? scope.Resolve(serviceType) : fallback.GetService(serviceType);
    }

    public bool IsService(Type serviceType) =>
        IsModuleService(serviceType) || (fallback.GetService(typeof(IServiceProviderIsService)) as IServiceProviderIsService)?.IsService(serviceType) == true;

    public object? GetKeyedService(Type serviceType, object? serviceKey) => (fallback as IKeyedServiceProvider)?.GetKeyedService(serviceType, serviceKey);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) =>
        (fallback as IKeyedServiceProvider)?.GetRequiredKeyedService(serviceType, serviceKey)
        ?? throw new InvalidOperationException($"No keyed service {serviceType}.");

    private bool IsModuleService(Type serviceType)
    {
        // IEnumerable<T> is always "registered" in Autofac (as an empty collection): look at T instead.
        var probe = serviceType.IsGenericType && serviceType.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? serviceType.GetGenericArguments()[0]
            : serviceType;
        return scope.ComponentRegistry.TryGetRegistration(new TypedService(probe), out var registration)
               && !registration.Metadata.ContainsKey(RootServicesSource.Marker);
    }
}
