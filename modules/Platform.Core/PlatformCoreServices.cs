using Microsoft.Extensions.Configuration;
using Platform.Core.Districts;
using Platform.Core.Modules;
using Platform.Core.Seeds;
using Platform.Core.Storage;
using Platform.Core.Tenancy;

namespace Microsoft.Extensions.DependencyInjection;

public static class PlatformCoreServices
{
    /// <summary>The core's storage and tenancy services, in the host's root container.</summary>
    public static IServiceCollection AddPlatformCore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton<Database>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<DistrictStore>();
        services.AddSingleton<ModuleGate>();
        services.AddSingleton<SeedLoader>();
        return services;
    }
}
