using Autofac;
using Autofac.Builder;
using Autofac.Core;

namespace Platform.Host.Modules;

/// <summary>
/// Lets module services depend on the host's root (Microsoft) services: anything Autofac does not have and the root
/// does is resolved from the root. Only singletons are meaningful this way; request-scoped services reach handlers
/// through <see cref="ModuleServiceProvider"/> instead.
/// </summary>
public sealed class RootServicesSource(IServiceProvider root) : IRegistrationSource
{
    public const string Marker = "platform.root-service";

    private readonly IServiceProviderIsService _isService = root.GetRequiredService<IServiceProviderIsService>();

    public bool IsAdapterForIndividualComponents => false;

    public IEnumerable<IComponentRegistration> RegistrationsFor(Service service, Func<Service, IEnumerable<ServiceRegistration>> registrationAccessor)
    {
        if (service is not TypedService typed || registrationAccessor(service).Any() || !_isService.IsService(typed.ServiceType))
            return [];
        var type = typed.ServiceType;
        return
        [
            RegistrationBuilder.ForDelegate(type, (_, _) => root.GetRequiredService(type))
                .As(service).ExternallyOwned().WithMetadata(Marker, true).CreateRegistration(),
        ];
    }
}
