using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Audit;
using Platform.Core.Districts;
using Platform.Core.Grains;
using Platform.Core.Modules;
using Platform.Core.Tenancy;
using Platform.Host.Modules;
using Platform.Host.Plugins;

namespace Platform.Host.Admin;

/// <summary>What the audit page shows: the entries of the chosen kind.</summary>
public sealed record AuditModel(TenantInfo Tenant, IReadOnlyList<AuditEntry> Entries, string? Action);

/// <summary>What the modules page shows: the catalogue, what is on in the tenant and each district, plugins.</summary>
public sealed record ModulesAdminModel(
    TenantInfo Tenant,
    IReadOnlyList<ModuleDescriptor> Modules,
    IReadOnlySet<string> TenantEffective,
    List<(District, DistrictModules)> Districts,
    IReadOnlyList<PluginStatus> Plugins,
    string? Message,
    string? Error
);

/// <summary>What a module's settings page shows: the district's values, with the errors of a refused save.</summary>
public sealed record ModuleSettingsModel(
    TenantInfo Tenant,
    District District,
    ModuleDescriptor Module,
    JsonObject Values,
    IReadOnlyDictionary<string, string[]>? Errors,
    string? Message
);

/// <summary>The district the route names, as the tenant middleware found it (else 404 district.not_found).</summary>
public sealed record RouteDistrict(District District)
{
    public static ValueTask<RouteDistrict?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<RouteDistrict?>(new RouteDistrict(http.District()));
}

/// <summary>What the modules page uses, bound as one parameter.</summary>
public sealed record ModulesPageServices(
    ModuleCatalog Catalog,
    ModuleGate Gate,
    DistrictStore Districts,
    IGrainFactory Grains,
    PluginRegistry Plugins
);

/// <summary>
/// The admin pages: switching modules for the tenant and per district, and editing a module's settings per district.
/// Forms post here and come back to the page with a message, so a refused switch is explained on the page itself.
/// </summary>
public static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermission(CorePermissions.Administer);
        tenant
            .MapGet("/api/audit", ListAudit)
            .WithTags("Audit")
            .Describe("listAuditEntries", "監査ログ", "List the tenant's audit log");
        var admin = tenant.MapGroup("/admin").ExcludeFromDescription();
        admin.MapGet("/audit", AuditPageAsync);
        admin.MapGet("/modules", ModulesPageAsync);
        admin.MapPost("/modules/{moduleId}", SwitchForTenantAsync);
        admin.MapPost("/districts/{districtId}/modules/{moduleId}", SwitchForDistrictAsync);
        admin.MapGet("/districts/{districtId}/modules/{moduleId}/settings", SettingsPageAsync);
        admin.MapPost("/districts/{districtId}/modules/{moduleId}/settings", SaveSettingsAsync);
    }

    public static async Task<Ok<IReadOnlyList<AuditEntry>>> ListAudit(
        ITenantContext tenant,
        int? limit,
        AuditLog audit,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await audit.ListAsync(tenant.Tenant.Id, limit ?? 200, cancellationToken));

    public static async Task<RazorComponentResult<AuditPage>> AuditPageAsync(
        ITenantContext tenant,
        string? action,
        AuditLog audit,
        CancellationToken cancellationToken
    )
    {
        var entries = (await audit.ListAsync(tenant.Tenant.Id, 1000, cancellationToken))
            .Where(e =>
                action switch
                {
                    "view" or "erase" => e.Action == action,
                    "signin" => e.Action.StartsWith("signin", StringComparison.Ordinal),
                    "change" => e.Action is "POST" or "PUT" or "PATCH" or "DELETE",
                    _ => true,
                }
            )
            .ToList();
        return PageResult.For<AuditPage, AuditModel>(new AuditModel(tenant.Tenant, entries, action));
    }

    public static async Task<RazorComponentResult<ModulesAdminPage>> ModulesPageAsync(
        ITenantContext tenant,
        string? message,
        string? error,
        [AsParameters] ModulesPageServices services,
        CancellationToken cancellationToken
    )
    {
        var t = tenant.Tenant;
        var list = await services.Districts.ListAsync(t.Id, cancellationToken);
        var states = await Task.WhenAll(
            list.Select(d => services.Grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(t.Id, d.Id)).GetModules())
        );
        return PageResult.For<ModulesAdminPage, ModulesAdminModel>(
            new ModulesAdminModel(
                t,
                services.Catalog.Modules,
                await services.Gate.EffectiveAsync(t.Id, null),
                list.Zip(states).ToList(),
                services.Plugins.All,
                message,
                error
            )
        );
    }

    public static Task<RedirectHttpResult> SwitchForTenantAsync(
        ITenantContext tenant,
        string moduleId,
        [FromForm] bool enabled,
        ModuleSwitcher switcher
    ) => SwitchAndReturn(tenant.Tenant.Id, null, moduleId, enabled, switcher);

    public static Task<RedirectHttpResult> SwitchForDistrictAsync(
        ITenantContext tenant,
        RouteDistrict district,
        string moduleId,
        [FromForm] bool enabled,
        ModuleSwitcher switcher
    ) => SwitchAndReturn(tenant.Tenant.Id, district.District, moduleId, enabled, switcher);

    public static async Task<RazorComponentResult<ModuleSettingsPage>> SettingsPageAsync(
        ITenantContext tenant,
        RouteDistrict district,
        string moduleId,
        ModuleCatalog catalog,
        ModuleSwitcher switcher
    )
    {
        var values = await switcher.GetSettingsAsync(tenant.Tenant.Id, district.District.Id, moduleId);
        return SettingsPage(tenant.Tenant, district.District, catalog.Get(moduleId), values, null, null);
    }

    // Reads the posted form itself: the fields are the module's settings, known only at run time.
    public static async Task<RazorComponentResult<ModuleSettingsPage>> SaveSettingsAsync(
        HttpContext http,
        ITenantContext tenant,
        RouteDistrict district,
        string moduleId,
        ModuleCatalog catalog,
        ModuleSwitcher switcher
    )
    {
        var module = catalog.Get(moduleId);
        // ReadFormAsync throws on any other body: that is the sender's mistake, not a fault.
        if (!http.Request.HasFormContentType)
            throw new PlatformException(
                415,
                "request.unsupported_media_type",
                "送信された形式には対応していません。",
                "設定の画面から保存してください。"
            );
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var changes = new JsonObject();
        foreach (var field in ModuleSettingsBinder.Fields(module.SettingsType ?? typeof(object)))
        {
            var name = ModuleSettingsBinder.FieldName(field);
            // A checkbox posts a hidden "false" and, when ticked, "true" after it: the last value wins.
            if (form.TryGetValue(name, out var values))
                changes[name] = values.LastOrDefault();
        }
        try
        {
            var saved = await switcher.UpdateSettingsAsync(tenant.Tenant.Id, district.District.Id, moduleId, changes);
            return SettingsPage(tenant.Tenant, district.District, module, saved, null, "設定を保存しました。");
        }
        catch (PlatformException e) when (e.Errors is not null)
        {
            http.Response.StatusCode = 400;
            return SettingsPage(tenant.Tenant, district.District, module, changes, e.Errors, null);
        }
    }

    private static async Task<RedirectHttpResult> SwitchAndReturn(
        string tenantId,
        District? district,
        string moduleId,
        bool enabled,
        ModuleSwitcher switcher
    )
    {
        var back = $"/{tenantId}/admin/modules";
        try
        {
            var changed = await switcher.SwitchAsync(tenantId, district?.Id, moduleId, enabled);
            var where = district is null ? "テナント全体" : district.Name;
            var message = changed
                ? $"{where}で「{moduleId}」を{(enabled ? "有効" : "無効")}にしました。"
                : "変更はありませんでした。";
            return TypedResults.Redirect($"{back}?message={Uri.EscapeDataString(message)}");
        }
        catch (PlatformException e) when (e.Status is 400 or 409)
        {
            return TypedResults.Redirect($"{back}?error={Uri.EscapeDataString(e.Detail ?? e.Title)}");
        }
    }

    private static RazorComponentResult<ModuleSettingsPage> SettingsPage(
        TenantInfo tenant,
        District district,
        ModuleDescriptor module,
        JsonObject values,
        IReadOnlyDictionary<string, string[]>? errors,
        string? message
    ) =>
        PageResult.For<ModuleSettingsPage, ModuleSettingsModel>(
            new ModuleSettingsModel(tenant, district, module, values, errors, message)
        );
}
