using Orleans.Runtime;
using Platform.Abstractions.Errors;
using Platform.Core.Districts;
using Platform.Core.Grains;
using Platform.Core.Modules;
using Platform.Core.Tenancy;
using Platform.Host.Modules;

namespace Platform.Host.Cli;

/// <summary>
/// <c>modules list|enable|disable [moduleId] --tenant t [--district d]</c>. Starts the host's silo on the configured
/// database, makes the change through the same grains and switcher as the API, and stops. On the embedded default
/// it cannot run beside a running host (both would own the same silo ports): it says so and changes nothing.
/// </summary>
public static class ModulesCommand
{
    private const string Usage = "使い方: modules list|enable|disable [モジュールID] --tenant <テナント> [--district <地区>]";

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.ElementAtOrDefault(1);
        string? Option(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var tenantId = Option("--tenant");
        var districtId = Option("--district");
        var moduleId = args.Skip(2).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && a != tenantId && a != districtId);
        if (verb is not ("list" or "enable" or "disable") || tenantId is null || (verb != "list" && moduleId is null))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var rest = args.Where((a, i) => !IsCliArgument(args, i)).Append("--Urls=http://127.0.0.1:0").Append("--Logging:LogLevel:Default=Warning").ToArray();
        var app = PlatformApp.Create(rest);
        try
        {
            await app.StartAsync();
        }
        catch (Exception e) when (e is OrleansException or System.Net.Sockets.SocketException || e.InnerException is System.Net.Sockets.SocketException)
        {
            Console.Error.WriteLine("プラットフォームが起動中のため、CLIからは変更できません。管理画面かAPIを使うか、停止してから実行してください。");
            Console.Error.WriteLine($"({e.GetType().Name}: {e.Message})");
            return 3;
        }
        try
        {
            var services = app.Services;
            var tenant = await services.GetRequiredService<TenantRegistry>().FindAsync(tenantId)
                         ?? throw PlatformException.NotFound("tenant.not_found", "テナント");
            if (districtId is not null) await services.GetRequiredService<DistrictStore>().GetAsync(tenant.Id, districtId);
            if (verb != "list")
            {
                var changed = await services.GetRequiredService<ModuleSwitcher>().SwitchAsync(tenant.Id, districtId, moduleId!, verb == "enable");
                Console.WriteLine(changed ? $"{moduleId}: {(verb == "enable" ? "有効にしました" : "無効にしました")}" : $"{moduleId}: 変更なし");
            }
            await PrintAsync(services, tenant.Id, districtId);
            return 0;
        }
        catch (PlatformException e)
        {
            Console.Error.WriteLine($"{e.Title} {e.Detail} [{e.Code}]");
            return 1;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task PrintAsync(IServiceProvider services, string tenantId, string? districtId)
    {
        var catalog = services.GetRequiredService<ModuleCatalog>();
        var effective = await services.GetRequiredService<ModuleGate>().EffectiveAsync(tenantId, districtId);
        Console.WriteLine($"{(districtId is null ? tenantId : $"{tenantId}/{districtId}")}:");
        foreach (var module in catalog.Modules)
            Console.WriteLine($"  {(effective.Contains(module.Id) ? "on " : "off")}  {module.Id,-32} {module.Version,-8} {ModuleEndpoints.ScopeName(module.Scope),-8} {module.Name}");
    }

    private static bool IsCliArgument(string[] args, int index) =>
        index <= 1 || args[index] is "--tenant" or "--district" || args[index - 1] is "--tenant" or "--district"
        || (!args[index].StartsWith("--", StringComparison.Ordinal) && !args[index - 1].StartsWith("--", StringComparison.Ordinal));
}
