using System.Text.Json.Nodes;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Grains;
using Platform.Core.Modules;
using Platform.Core.Tenancy;

namespace Platform.Host.Modules;

/// <summary>The module catalogue and its switches, per tenant and per district (routes fixed by API.md).</summary>
public static class ModuleEndpoints
{
    public sealed record ModuleView(string Id, string Name, string Description, string Category, string Version,
        IReadOnlyList<string> Dependencies, string Scope, bool AlwaysEnabled, bool Enabled, bool HasSettings);

    public sealed record DistrictModuleView(string Id, string Name, string Version, IReadOnlyList<string> Dependencies, string Scope,
        bool Enabled, bool EnabledForTenant, bool SwitchedOffInDistrict, bool HasSettings);

    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermission(CorePermissions.Administer);
        var api = tenant.MapGroup("/api").WithTags("Modules");

        api.MapGet("/modules", async (HttpContext http, ModuleCatalog catalog, ModuleGate gate) =>
        {
            var effective = await gate.EffectiveAsync(http.Tenant().Id, null);
            return catalog.Modules.Select(m => View(m, effective.Contains(m.Id)));
        });
        api.MapPut("/modules/{moduleId}", (HttpContext http, string moduleId, ModuleSwitcher switcher, ModuleCatalog catalog, ModuleGate gate) =>
            Switch(http, null, moduleId, true, switcher, catalog, gate));
        api.MapDelete("/modules/{moduleId}", (HttpContext http, string moduleId, ModuleSwitcher switcher, ModuleCatalog catalog, ModuleGate gate) =>
            Switch(http, null, moduleId, false, switcher, catalog, gate));

        api.MapGet("/districts/{districtId}/modules", async (HttpContext http, IGrainFactory grains, ModuleCatalog catalog) =>
        {
            var modules = await grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(http.Tenant().Id, http.District().Id)).GetModules();
            return catalog.Modules.Select(m => DistrictView(m, modules));
        });
        api.MapPut("/districts/{districtId}/modules/{moduleId}", (HttpContext http, string moduleId, ModuleSwitcher switcher, ModuleCatalog catalog, ModuleGate gate) =>
            Switch(http, http.District().Id, moduleId, true, switcher, catalog, gate));
        api.MapDelete("/districts/{districtId}/modules/{moduleId}", (HttpContext http, string moduleId, ModuleSwitcher switcher, ModuleCatalog catalog, ModuleGate gate) =>
            Switch(http, http.District().Id, moduleId, false, switcher, catalog, gate));

        api.MapGet("/districts/{districtId}/modules/{moduleId}/settings", (HttpContext http, string moduleId, ModuleSwitcher switcher) =>
            switcher.GetSettingsAsync(http.Tenant().Id, http.District().Id, moduleId));
        api.MapPut("/districts/{districtId}/modules/{moduleId}/settings", async (HttpContext http, string moduleId, ModuleSwitcher switcher) =>
        {
            return await switcher.UpdateSettingsAsync(http.Tenant().Id, http.District().Id, moduleId, await ReadSettingsAsync(http));
        }).Accepts<JsonObject>("application/json");
    }

    private static async Task<JsonObject> ReadSettingsAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject
                   ?? throw new PlatformException(400, "request.malformed_json", "JSONの形式が正しくありません。", "設定は項目名と値のオブジェクトで送ってください。");
        // A JsonNode reads its strings only when asked: a lone surrogate escaped in one ("\ud800") would otherwise
        // throw when the settings are written on, as a server error. Reading it all once here makes it the sender's 400.
        try
        {
            _ = body.ToJsonString();
        }
        catch (InvalidOperationException)
        {
            throw new PlatformException(400, "request.malformed_json", "JSONの形式が正しくありません。", "文字列に不正な文字（対になっていないサロゲート）が含まれています。");
        }
        return body;
    }

    private static async Task<ModuleView> Switch(HttpContext http, string? districtId, string moduleId, bool enable,
        ModuleSwitcher switcher, ModuleCatalog catalog, ModuleGate gate)
    {
        await switcher.SwitchAsync(http.Tenant().Id, districtId, moduleId, enable);
        var module = catalog.Get(moduleId);
        return View(module, await gate.IsEnabledAsync(http.Tenant().Id, districtId, module));
    }

    private static ModuleView View(ModuleDescriptor m, bool enabled) =>
        new(m.Id, m.Name, m.Description, m.Category, m.Version, m.Dependencies, ScopeName(m.Scope), m.AlwaysEnabled, enabled, m.SettingsType is not null);

    private static DistrictModuleView DistrictView(ModuleDescriptor m, DistrictModules modules) =>
        new(m.Id, m.Name, m.Version, m.Dependencies, ScopeName(m.Scope),
            modules.Effective.Contains(m.Id, StringComparer.OrdinalIgnoreCase),
            m.AlwaysEnabled || modules.TenantEnabled.Contains(m.Id, StringComparer.OrdinalIgnoreCase),
            modules.DistrictDisabled.Contains(m.Id, StringComparer.OrdinalIgnoreCase),
            m.SettingsType is not null);

    public static string ScopeName(ModuleScope scope) => scope == ModuleScope.District ? "district" : "tenant";
}
