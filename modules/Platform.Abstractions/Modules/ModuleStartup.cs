using Autofac;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Tenancy;

namespace Platform.Abstractions.Modules;

/// <summary>
/// One per module, named in its manifest. The host calls it once at start-up for every module it discovers,
/// enabled anywhere or not: what is switched per tenant and district is whether its endpoints answer and
/// its event handlers run, never what is registered.
/// </summary>
public abstract class ModuleStartup
{
    /// <summary>Registers the module's services, shared by every tenant, in the host's container.</summary>
    public virtual void ConfigureServices(ContainerBuilder services) { }

    /// <summary>
    /// Registers services for one tenant's lifetime scope; these sit over the shared ones. Called the first time
    /// the tenant is used, so keep it cheap; a tenant's scope without registrations of its own costs far less memory,
    /// so override this only when a service must differ per tenant (<see cref="ITenantContext"/> needs no
    /// registration).
    /// </summary>
    public virtual void ConfigureTenantServices(ContainerBuilder services, TenantInfo tenant) { }

    /// <summary>Registers services through Microsoft's <see cref="IServiceCollection"/> (hosted services,
    /// options).</summary>
    public virtual void ConfigureHostServices(IServiceCollection services) { }

    /// <summary>
    /// Maps the module's endpoints and pages. <paramref name="tenant"/> is the <c>/{tenant}</c> route group;
    /// routes of a district-scoped module that carry a <c>{districtId}</c> parameter are switched per district,
    /// the others per tenant.
    /// </summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder tenant) { }
}
