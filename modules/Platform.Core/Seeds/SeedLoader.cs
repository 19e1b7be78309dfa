using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Platform.Core.Districts;
using Platform.Core.Grains;
using Platform.Core.Tenancy;

namespace Platform.Core.Seeds;

/// <summary>
/// Loads the demo tenants from <c>seeds/</c> into an empty database. A tenant that already exists is left as it is,
/// so the loader runs at every start and only ever adds what is missing. Module switches and settings go through
/// the grains like every other change.
/// </summary>
public sealed partial class SeedLoader(TenantRegistry tenants, DistrictStore districts, IGrainFactory grains, ILogger<SeedLoader> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public async Task LoadFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order())
        {
            await using var stream = File.OpenRead(path);
            var seed = await JsonSerializer.DeserializeAsync<SeedFile>(stream, Json, cancellationToken)
                       ?? throw new InvalidOperationException($"Seed file {path} is empty.");
            await LoadAsync(seed, cancellationToken);
        }
    }

    public async Task LoadAsync(SeedFile seed, CancellationToken cancellationToken = default)
    {
        var t = seed.Tenant;
        if (await tenants.FindAsync(t.Id, cancellationToken) is not null) return;
        await tenants.CreateAsync(new NewTenant(t.Id, t.Name, t.Kind, t.LocalGovernmentCode, t.HostName), cancellationToken);
        foreach (var district in seed.Districts)
            await districts.CreateAsync(t.Id, new DistrictInput(district.Name, district.Kind, district.ParentId), district.Id, cancellationToken);
        var tenantGrain = grains.GetGrain<ITenantGrain>(t.Id);
        foreach (var module in seed.Modules)
            Check(await tenantGrain.EnableModule(module), module);
        foreach (var (districtId, modules) in seed.DisabledInDistricts)
            foreach (var module in modules)
                Check(await grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(t.Id, districtId)).DisableModule(module), module);
        foreach (var (districtId, settings) in seed.DistrictSettings)
            foreach (var (module, values) in settings)
            {
                var result = await grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(t.Id, districtId)).UpdateSettings(module, values.ToJsonString());
                if (result.Errors is not null)
                    throw new InvalidOperationException($"Seed settings of {module} in {districtId} are invalid: {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");
            }
        LogLoaded(t.Id, t.Name, seed.Districts.Count);
    }

    private static void Check(SwitchResult result, string module)
    {
        if (result.Refused) throw new InvalidOperationException($"Seed cannot switch {module}: {result.ErrorCode} {result.OtherModuleId}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded demo tenant {Tenant} ({Name}) with {Districts} districts")]
    private partial void LogLoaded(string tenant, string name, int districts);
}
