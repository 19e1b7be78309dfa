using System.Text.Json.Nodes;
using Platform.Abstractions.Tenancy;

namespace Platform.Abstractions.Seeds;

/// <summary>
/// Loads a module's part of a demo tenant: the object under <c>"moduleContent": { "the object under <c>"modules": {
/// "&lt;module id&gt;": … }</c> of a seed filelt;module idthe object under <c>"modules": { "&lt;module id&gt;": … }</c>
/// of a seed filegt;": … }</c> of a seed file, after the shared core's records of that file are loaded. The loader adds
/// <c>seedFolder</c>, the seed file's folder, for files the content names. Register it in the module's
/// <c>ConfigureServices</c>.
/// </summary>
public interface IModuleSeeder
{
    /// <summary>Loads the content; called once, when the tenant is created from its seed file.</summary>
    Task SeedAsync(TenantInfo tenant, JsonObject content, CancellationToken cancellationToken);
}
