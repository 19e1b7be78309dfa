using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Grains;
using Platform.Core.Modules;
using Platform.Core.Tenancy;

namespace Platform.Host.Modules;

/// <summary>What the switch handlers use, bound as one parameter.</summary>
public sealed record ModuleServices(ModuleSwitcher Switcher, ModuleCatalog Catalog, ModuleGate Gate);

/// <summary>The module catalogue and its switches, per tenant and per district (routes fixed by API.md).</summary>
public static class ModuleEndpoints
{
    public sealed record ModuleView(
        string Id,
        string Name,
        string Description,
        string Category,
        string Version,
        IReadOnlyList<string> Dependencies,
        string Scope,
        bool AlwaysEnabled,
        bool Enabled,
        bool HasSettings
    );

    public sealed record DistrictModuleView(
        string Id,
        string Name,
        string Version,
        IReadOnlyList<string> Dependencies,
        string Scope,
        bool Enabled,
        bool EnabledForTenant,
        bool SwitchedOffInDistrict,
        bool HasSettings
    );

    public static void Map(IEndpointRouteBuilder tenant)
    {
        var api = tenant.MapGroup("/api").WithTags("Modules").RequirePermission(CorePermissions.Administer);
        api.MapGet("/modules", ListModules).Describe("listModules", "モジュールの一覧", "List the modules");
        api.MapPut("/modules/{moduleId}", EnableModule)
            .Describe("enableModule", "テナント全体でモジュールを有効化", "Enable a module for the tenant")
            .Refuses(404, "module.not_found")
            .Refuses(409, "module.dependency_disabled");
        api.MapDelete("/modules/{moduleId}", DisableModule)
            .Describe("disableModule", "テナント全体でモジュールを無効化", "Disable a module for the tenant")
            .Refuses(404, "module.not_found")
            .Refuses(409, "module.dependent_enabled", "module.always_enabled");
        MapDistrictModules(api.MapGroup("/districts/{districtId}"));
    }

    private static void MapDistrictModules(RouteGroupBuilder district)
    {
        district
            .MapGet("/modules", ListDistrictModules)
            .Describe("listDistrictModules", "地区のモジュールの一覧", "List a district's modules")
            .Refuses(404, "district.not_found");
        district
            .MapPut("/modules/{moduleId}", EnableDistrictModule)
            .Describe("enableDistrictModule", "地区でモジュールを有効化", "Enable a module in a district")
            .Refuses(400, "module.not_district_scoped")
            .Refuses(404, "district.not_found", "module.not_found")
            .Refuses(409, "module.dependency_disabled", "module.disabled_for_tenant");
        district
            .MapDelete("/modules/{moduleId}", DisableDistrictModule)
            .Describe("disableDistrictModule", "地区でモジュールを無効化", "Disable a module in a district")
            .Refuses(400, "module.not_district_scoped")
            .Refuses(404, "district.not_found", "module.not_found")
            .Refuses(409, "module.dependent_enabled", "module.always_enabled");
        district
            .MapGet("/modules/{moduleId}/settings", GetSettings)
            .Describe("getModuleSettings", "地区のモジュール設定を取得", "Get a module's settings in a district")
            .Refuses(404, "district.not_found", "module.not_found", "module.no_settings");
        district
            .MapPut("/modules/{moduleId}/settings", UpdateSettings)
            .Accepts<JsonObject>("application/json")
            .Describe("updateModuleSettings", "地区のモジュール設定を変更", "Change a module's settings in a district")
            .Refuses(400, "validation.failed", "request.malformed_json")
            .Refuses(404, "district.not_found", "module.not_found", "module.no_settings");
    }

    public static async Task<Ok<IReadOnlyList<ModuleView>>> ListModules(
        ITenantContext tenant,
        ModuleCatalog catalog,
        ModuleGate gate
    )
    {
        var effective = await gate.EffectiveAsync(tenant.Tenant.Id, null);
        return TypedResults.Ok<IReadOnlyList<ModuleView>>(
            catalog.Modules.Select(m => View(m, effective.Contains(m.Id))).ToList()
        );
    }

    public static Task<Ok<ModuleView>> EnableModule(
        ITenantContext tenant,
        string moduleId,
        [AsParameters] ModuleServices services
    ) => Switch(tenant.Tenant.Id, null, moduleId, true, services);

    public static Task<Ok<ModuleView>> DisableModule(
        ITenantContext tenant,
        string moduleId,
        [AsParameters] ModuleServices services
    ) => Switch(tenant.Tenant.Id, null, moduleId, false, services);

    public static async Task<Ok<IReadOnlyList<DistrictModuleView>>> ListDistrictModules(
        ITenantContext tenant,
        string districtId,
        IGrainFactory grains,
        ModuleCatalog catalog
    )
    {
        var modules = await grains
            .GetGrain<IDistrictGrain>(DistrictGrainKey.For(tenant.Tenant.Id, districtId))
            .GetModules();
        return TypedResults.Ok<IReadOnlyList<DistrictModuleView>>(
            catalog.Modules.Select(m => DistrictView(m, modules)).ToList()
        );
    }

    public static Task<Ok<ModuleView>> EnableDistrictModule(
        ITenantContext tenant,
        string districtId,
        string moduleId,
        [AsParameters] ModuleServices services
    ) => Switch(tenant.Tenant.Id, districtId, moduleId, true, services);

    public static Task<Ok<ModuleView>> DisableDistrictModule(
        ITenantContext tenant,
        string districtId,
        string moduleId,
        [AsParameters] ModuleServices services
    ) => Switch(tenant.Tenant.Id, districtId, moduleId, false, services);

    public static async Task<Ok<JsonObject>> GetSettings(
        ITenantContext tenant,
        string districtId,
        string moduleId,
        ModuleSwitcher switcher
    ) => TypedResults.Ok(await switcher.GetSettingsAsync(tenant.Tenant.Id, districtId, moduleId));

    // Reads the body itself: a module's settings are whatever its settings type says, checked by the district's grain.
    public static async Task<Ok<JsonObject>> UpdateSettings(
        ITenantContext tenant,
        string districtId,
        string moduleId,
        ModuleSwitcher switcher,
        HttpContext http
    ) =>
        TypedResults.Ok(
            await switcher.UpdateSettingsAsync(tenant.Tenant.Id, districtId, moduleId, await ReadSettingsAsync(http))
        );

    private static async Task<JsonObject> ReadSettingsAsync(HttpContext http)
    {
        var body =
            await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject
            ?? throw new PlatformException(
                400,
                "request.malformed_json",
                "JSONの形式が正しくありません。",
                "設定は項目名と値のオブジェクトで送ってください。"
            );
        // A JsonNode reads its strings only when asked: a lone surrogate escaped in one ("\ud800") would otherwise
        // throw when the settings are written on, as a server error. Reading it all once here makes it the sender's
        // 400.
        try
        {
            _ = body.ToJsonString();
        }
        catch (InvalidOperationException)
        {
            throw new PlatformException(
                400,
                "request.malformed_json",
                "JSONの形式が正しくありません。",
                "文字列に不正な文字（対になっていないサロゲート）が含まれています。"
            );
        }
        return body;
    }

    private static async Task<Ok<ModuleView>> Switch(
        string tenantId,
        string? districtId,
        string moduleId,
        bool enable,
        ModuleServices services
    )
    {
        await services.Switcher.SwitchAsync(tenantId, districtId, moduleId, enable);
        var module = services.Catalog.Get(moduleId);
        return TypedResults.Ok(View(module, await services.Gate.IsEnabledAsync(tenantId, districtId, module)));
    }

    private static ModuleView View(ModuleDescriptor m, bool enabled) =>
        new(
            m.Id,
            m.Name,
            m.Description,
            m.Category,
            m.Version,
            m.Dependencies,
            ScopeName(m.Scope),
            m.AlwaysEnabled,
            enabled,
            m.SettingsType is not null
        );

    private static DistrictModuleView DistrictView(ModuleDescriptor m, DistrictModules modules) =>
        new(
            m.Id,
            m.Name,
            m.Version,
            m.Dependencies,
            ScopeName(m.Scope),
            modules.Effective.Contains(m.Id, StringComparer.OrdinalIgnoreCase),
            m.AlwaysEnabled || modules.TenantEnabled.Contains(m.Id, StringComparer.OrdinalIgnoreCase),
            modules.DistrictDisabled.Contains(m.Id, StringComparer.OrdinalIgnoreCase),
            m.SettingsType is not null
        );

    public static string ScopeName(ModuleScope scope) => scope == ModuleScope.District ? "district" : "tenant";
}
