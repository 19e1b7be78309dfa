using System.Text.Json.Nodes;
using Platform.Abstractions.Seeds;
using Platform.Abstractions.Tenancy;

namespace Miyagi.ExchangeSessions.Rounds;

/// <summary>The module's part of a demo tenant: <c>{"import": ["file.txt", …]}</c>, 概要 texts beside the seed file,
/// imported as staff would.</summary>
public sealed class ExchangeSeeder(ExchangeImporter importer) : IModuleSeeder
{
    public async Task SeedAsync(TenantInfo tenant, JsonObject content, CancellationToken cancellationToken)
    {
        var folder = (string?)content["seedFolder"] ?? ".";
        foreach (var file in content["import"]?.AsArray().Select(f => (string)f!) ?? [])
            await importer.ImportAsync(
                tenant,
                await File.ReadAllTextAsync(Path.Combine(folder, file), cancellationToken),
                replace: false,
                cancellationToken
            );
    }
}
