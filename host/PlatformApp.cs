using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Platform.Abstractions.Events;
using Platform.Core.Clustering;
using Platform.Core.Grains;
using Platform.Core.Modules;
using Platform.Host.Accounts;
using Platform.Host.Errors;
using Platform.Host.Health;
using Platform.Host.Http;
using Platform.Host.Modules;
using Platform.Host.Telemetry;
using Platform.Host.Tenancy;

namespace Platform.Host;

/// <summary>
/// Composes the host: storage, the Orleans silo, the module runtime and the web pipeline. Used by <c>Program</c>,
/// the CLI verbs, the tests and the benchmarks, so that they all run the same host.
/// </summary>
public static class PlatformApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // appsettings.json sits beside the assembly; command line and environment still override it.
        builder.Configuration.Sources.Insert(
            0,
            new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = true,
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
            }
        );
        configure?.Invoke(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;

        var plugins = new Plugins.PluginRegistry();
        var compiled = ModuleCatalog.DiscoverCompiled(AppContext.BaseDirectory).ToList();
        var catalog = new ModuleCatalog([.. compiled, .. Plugins.PluginLoader.Load(configuration, compiled, plugins)]);
        var runtime = new ModuleRuntime(catalog, plugins);
        // One container: Autofac is the host's root, holding the host's, Orleans' and every module's services.
        builder.Host.UseServiceProviderFactory(
            new Autofac.Extensions.DependencyInjection.AutofacServiceProviderFactory(container =>
            {
                runtime.Register(container);
                Admin.ClusterMenu.Register(container);
            })
        );
        services.AddSingleton(catalog).AddSingleton(runtime).AddSingleton(plugins);
        services.AddHostedService<Plugins.PluginStartupLog>();
        services.AddPlatformCore(configuration);
        services.AddSingleton<IEventPublisher, EventPublisher>();
        services.AddSingleton<ModuleSwitcher>();
        services.AddSingleton<Platform.Core.Seeds.ISeedModuleServices, SeedModuleServices>();
        foreach (var (module, startup) in runtime.Startups)
            runtime.Guard(module, "ホストサービス登録", () => startup.ConfigureHostServices(services));

        // Hosted services start in registration order: the schema before the silo, the silo before the seeds.
        services.AddHostedService<StartupTasks.Migrations>();
        builder.UseOrleans(silo => ConfigureSilo(silo, configuration));
        services.AddHostedService<StartupTasks.Seeds>();

        services.AddRazorComponents();
        // Pages carry Japanese as text, not as &#x…; entities.
        services.AddWebEncoders(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(
                System.Text.Unicode.UnicodeRanges.All
            )
        );
        services.AddAntiforgery();
        Platform.Core.Accounts.DatabaseKeyRingRegistration.AddDatabaseKeyRing(services);
        services.AddPlatformAccounts(configuration);
        services.AddReverseProxy(configuration);
        // The server's name and version help only those looking for a known weakness.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddPlatformOpenApi();
        services.AddPlatformTelemetry(configuration);
        services.AddSingleton<IProblemDetailsService, PlatformProblemDetailsService>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(
                System.Text.Unicode.UnicodeRanges.All
            );
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        var app = builder.Build();
        runtime.Attach(app.Services.GetRequiredService<Autofac.ILifetimeScope>());

        // First: everything after it (limits per address, HSTS, the cookie's Secure flag, same-origin checks) sees the
        // client's address and scheme.
        app.UseForwardedHeaders();
        // Outside the exception handler: the lines it writes name the tenant and meeting, the metrics see its status.
        app.UseMiddleware<RequestLogScopeMiddleware>();
        app.UsePlatformTelemetry(configuration);
        app.UseMiddleware<Http.SecurityHeadersMiddleware>();
        app.UseMiddleware<Http.CachePolicyMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ProblemWriter.HandleExceptionAsync });
        app.Use(ProblemWriter.CatchPlatformExceptions);
        app.UseStatusCodePages(ProblemWriter.WriteBareStatusAsync);
        app.UseMiddleware<Http.JsonCharsetMiddleware>();
        app.UseStaticFiles(
            new StaticFileOptions
            {
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(
                    Path.Combine(AppContext.BaseDirectory, "wwwroot")
                ),
            }
        );
        // Modules' own assets (scripts, styles), embedded in their assemblies: /_content/{module id}/…
        foreach (var (module, startup) in runtime.Startups)
        {
            var assembly = startup.GetType().Assembly;
            if (!assembly.GetManifestResourceNames().Any(n => n.Contains(".wwwroot.", StringComparison.Ordinal)))
                continue;
            app.UseStaticFiles(
                new StaticFileOptions
                {
                    FileProvider = new Microsoft.Extensions.FileProviders.EmbeddedFileProvider(
                        assembly,
                        $"{assembly.GetName().Name}.wwwroot"
                    ),
                    RequestPath = $"/_content/{module.Id}",
                }
            );
        }
        app.UseMiddleware<HostNameTenantMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<TenantMiddleware>();
        app.UseMiddleware<Accounts.AccessMiddleware>();
        app.UseMiddleware<Accounts.AuditMiddleware>();
        app.UseMiddleware<ModuleGateMiddleware>();
        app.UseMiddleware<Plugins.PluginFaultMiddleware>();
        app.UseMiddleware<Http.RequestBodyLimitMiddleware>();
        app.UseMiddleware<Http.CrossSiteWriteMiddleware>();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        HealthEndpoints.Map(app);
        Accounts.AccountEndpoints.Map(app);
        app.MapGet("/", Accounts.SignInPages.RootAsync).AllowAnonymous().ExcludeFromDescription();

        var tenantRoutes = app.MapGroup("/{tenant}");
        ModuleEndpoints.Map(tenantRoutes);
        Admin.AdminEndpoints.Map(tenantRoutes);
        Admin.ClusterEndpoints.Map(app, tenantRoutes);
        Accounts.UserEndpoints.Map(tenantRoutes);
        Accounts.SignInDelayEndpoints.Map(app, tenantRoutes);
        Accounts.ExternalSignIn.Map(tenantRoutes);
        foreach (var (module, startup) in runtime.Startups)
            runtime.Guard(
                module,
                "エンドポイント登録",
                () => startup.MapEndpoints(tenantRoutes.MapGroup("").WithMetadata(new ModuleEndpointMetadata(module)))
            );
        Plugins.PluginEndpoints.Map(app);
        app.MapPlatformTelemetry(configuration);
        return app;
    }

    private static void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration)
    {
        // Not "Orleans": Orleans reads that section itself as provider configuration.
        var orleans = configuration.GetSection("Silo");
        var siloPort = orleans.GetValue("SiloPort", 11111);
        var gatewayPort = orleans.GetValue("GatewayPort", 30000);
        if (string.Equals(orleans["Clustering"], "Database", StringComparison.OrdinalIgnoreCase))
        {
            // Several hosts on one server database: membership in that database, see DatabaseMembershipTable.
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = orleans["ClusterId"] ?? "sasaeai";
                o.ServiceId = "sasaeai";
            });
            silo.ConfigureEndpoints(
                IPAddress.Parse(orleans["AdvertisedAddress"] ?? "127.0.0.1"),
                siloPort,
                gatewayPort,
                listenOnAnyHostAddress: false
            );
            silo.Services.AddSingleton<IMembershipTable, DatabaseMembershipTable>();
            silo.Configure<ClusterMembershipOptions>(o => Failover.Tune(o, orleans.GetSection("Membership")));
        }
        else
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "sasaeai", clusterId: "sasaeai-local");
        }
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, DatabaseReminderTable>();
        silo.Services.AddGrainStorage(
            GrainStorageNames.Platform,
            (sp, _) => ActivatorUtilities.CreateInstance<DatabaseGrainStorage>(sp)
        );
    }
}
