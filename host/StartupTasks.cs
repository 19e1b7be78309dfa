using Platform.Core.Modules;
using Platform.Core.Seeds;
using Platform.Core.Storage;

namespace Platform.Host;

/// <summary>Work that must finish before the host serves: the schema, then (after the silo is up) the demo
/// tenants.</summary>
public static partial class StartupTasks
{
    public sealed class Migrations(
        Migrator migrator,
        ModuleCatalog catalog,
        Database database,
        ILogger<Migrations> logger
    ) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            LogDatabase(logger, database.Describe());
            await migrator.ApplyAsync(catalog.Modules.Select(m => m.Assembly).Distinct(), cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Loads <c>seeds/*.json</c> unless <c>Seeds:Load</c> is false; tenants already present are left
    /// alone.</summary>
    public sealed class Seeds(SeedLoader loader, IConfiguration configuration) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            configuration.GetValue("Seeds:Load", true)
                ? loader.LoadFolderAsync(
                    configuration["Seeds:Path"] ?? Path.Combine(AppContext.BaseDirectory, "seeds"),
                    cancellationToken
                )
                : Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform database: {Database}")]
    private static partial void LogDatabase(ILogger logger, string database);
}
