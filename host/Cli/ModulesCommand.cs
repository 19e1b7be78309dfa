using Platform.Abstractions.Errors;
using Platform.Core.Districts;
using Platform.Core.Grains;
using Platform.Core.Modules;
using Platform.Core.Tenancy;
using Platform.Host.Modules;

namespace Platform.Host.Cli;

/// <summary>
/// <c>modules list|enable|disable [moduleId] --tenant t [--district d]</c>. Starts the host's silo on the configured
/// database (<see cref="CliHost"/>), makes the change through the same grains and switcher as the API, and stops.
/// </summary>
public static class ModulesCommand
{
    private const string Usage =
        "使い方: modules list|enable|disable [モジュールID] --tenant <テナント> [--district <地区>]";

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.ElementAtOrDefault(1);
        var tenantId = CliHost.Option(args, "--tenant");
        var districtId = CliHost.Option(args, "--district");
        var moduleId = args.Skip(2)
            .FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && a != tenantId && a != districtId);
        if (verb is not ("list" or "enable" or "disable") || tenantId is null || (verb != "list" && moduleId is null))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        return await CliHost.RunAsync(
            CliHost.HostArguments(args, ["--tenant", "--district"]),
            async services =>
            {
                var tenant =
                    await services.GetRequiredService<TenantRegistry>().FindAsync(tenantId)
                    ?? throw PlatformException.NotFound("tenant.not_found", "テナント");
                if (districtId is not null)
                    await services.GetRequiredService<DistrictStore>().GetAsync(tenant.Id, districtId);
                if (verb != "list")
                {
                    var changed = await services
                        .GetRequiredService<ModuleSwitcher>()
                        .SwitchAsync(tenant.Id, districtId, moduleId!, verb == "enable");
                    Console.WriteLine(
                        changed
                            ? $"{moduleId}: {(verb == "enable" ? "有効にしました" : "無効にしました")}"
                            : $"{moduleId}: 変更なし"
                    );
                }
                await PrintAsync(services, tenant.Id, districtId);
                return 0;
            }
        );
    }

    private static async Task PrintAsync(IServiceProvider services, string tenantId, string? districtId)
    {
        var catalog = services.GetRequiredService<ModuleCatalog>();
        var effective = await services.GetRequiredService<ModuleGate>().EffectiveAsync(tenantId, districtId);
        Console.WriteLine($"{(districtId is null ? tenantId : $"{tenantId}/{districtId}")}:");
        foreach (var module in catalog.Modules)
            Console.WriteLine(
                $"  {(effective.Contains(module.Id) ? "on " : "off")}  {module.Id, -32} {module.Version, -8} {ModuleEndpoints.ScopeName(module.Scope), -8} {module.Name}"
            );
    }
}
