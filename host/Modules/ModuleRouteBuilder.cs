namespace Platform.Host.Modules;

/// <summary>
/// The route builder modules map their endpoints on: the app's, but with <see cref="ModuleServiceProvider"/> as its
/// service provider, so that handler parameters registered in the module container are bound as services.
/// </summary>
public sealed class ModuleRouteBuilder(IEndpointRouteBuilder inner, IServiceProvider services) : IEndpointRouteBuilder
{
    public IServiceProvider ServiceProvider => services;

    public ICollection<EndpointDataSource> DataSources => inner.DataSources;

    public IApplicationBuilder CreateApplicationBuilder() => inner.CreateApplicationBuilder();
}

/// <summary>Marks an endpoint as belonging to a module, for the gate to check that the module is in effect.</summary>
public sealed record ModuleEndpointMetadata(Platform.Core.Modules.ModuleDescriptor Module);
