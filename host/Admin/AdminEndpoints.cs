using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Districts;
using Platform.Core.Grains;
using Platform.Core.Modules;
using Platform.Core.Tenancy;
using Platform.Host.Modules;

namespace Platform.Host.Admin;

/// <summary>
/// The admin pages: switching modules for the tenant and per district, and editing a module's settings per district.
/// Forms post here and come back to the page with a message, so a refused switch is explained on the page itself.
/// </summary>
public static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermission(CorePermissions.Administer);
        tenant.MapGet("/api/audit", (HttpContext http, int? limit, Platform.Core.Audit.AuditLog audit) =>
            audit.ListAsync(http.Tenant().Id, limit ?? 200, http.RequestAborted)).WithTags("Audit");
        var admin = tenant.MapGroup("/admin").ExcludeFromDescription();
        admin.MapGet("/audit", async (HttpContext http, string? action, Platform.Core.Audit.AuditLog audit) =>
            new RazorComponentResult<AuditPage>(new
            {
                Tenant = http.Tenant(),
                Action = action,
                Entries = (await audit.ListAsync(http.Tenant().Id, 1000, http.RequestAborted))
                    .Where(e => action switch
                    {
                        "view" or "erase" => e.Action == action,
                        "signin" => e.Action.StartsWith("signin", StringComparison.Ordinal),
                        "change" => e.Action is "POST" or "PUT" or "PATCH" or "DELETE",
                        _ => true,
                    }).ToList(),
            }));

        admin.MapGet("/modules", async (HttpContext http, ModuleCatalog catalog, ModuleGate gate, DistrictStore districts,
            IGrainFactory grains, string? message, string? error) =>
        {
            var t = http.Tenant();
            var list = await districts.ListAsync(t.Id, http.RequestAborted);
            var states = await Task.WhenAll(list.Select(d => grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(t.Id, d.Id)).GetModules()));
            return new RazorComponentResult<ModulesAdminPage>(new
            {
                Tenant = t,
                Modules = catalog.Modules,
                TenantEffective = await gate.EffectiveAsync(t.Id, null),
                Districts = list.Zip(states).ToList(),
                Plugins = http.RequestServices.GetRequiredService<Plugins.PluginRegistry>().All,
                Message = message,
                Error = error,
            });
        });

        admin.MapPost("/modules/{moduleId}", (HttpContext http, string moduleId, [FromForm] bool enabled, ModuleSwitcher switcher) =>
            SwitchAndReturn(http, null, moduleId, enabled, switcher));
        admin.MapPost("/districts/{districtId}/modules/{moduleId}", (HttpContext http, string moduleId, [FromForm] bool enabled, ModuleSwitcher switcher) =>
            SwitchAndReturn(http, http.District().Id, moduleId, enabled, switcher));

        admin.MapGet("/districts/{districtId}/modules/{moduleId}/settings", async (HttpContext http, string moduleId, ModuleCatalog catalog, ModuleSwitcher switcher) =>
            SettingsPage(http, catalog.Get(moduleId), await switcher.GetSettingsAsync(http.Tenant().Id, http.District().Id, moduleId), null, null));

        admin.MapPost("/districts/{districtId}/modules/{moduleId}/settings", async (HttpContext http, string moduleId, ModuleCatalog catalog, ModuleSwitcher switcher) =>
        {
            var module = catalog.Get(moduleId);
            // ReadFormAsync throws on any other body: that is the sender's mistake, not a fault.
            if (!http.Request.HasFormContentType)
                throw new PlatformException(415, "request.unsupported_media_type", "送信された形式には対応していません。", "設定の画面から保存してください。");
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var changes = new JsonObject();
            foreach (var field in ModuleSettingsBinder.Fields(module.SettingsType ?? typeof(object)))
            {
                var name = ModuleSettingsBinder.FieldName(field);
                // A checkbox posts a hidden "false" and, when ticked, "true" after it: the last value wins.
                if (form.TryGetValue(name, out var values)) changes[name] = values.LastOrDefault();
            }
            try
            {
                var saved = await switcher.UpdateSettingsAsync(http.Tenant().Id, http.District().Id, moduleId, changes);
                return SettingsPage(http, module, saved, null, "設定を保存しました。");
            }
            catch (PlatformException e) when (e.Errors is not null)
            {
                http.Response.StatusCode = 400;
                return SettingsPage(http, module, changes, e.Errors, null);
            }
        });
    }

    private static async Task<IResult> SwitchAndReturn(HttpContext http, string? districtId, string moduleId, bool enabled, ModuleSwitcher switcher)
    {
        var back = $"/{http.Tenant().Id}/admin/modules";
        try
        {
            var changed = await switcher.SwitchAsync(http.Tenant().Id, districtId, moduleId, enabled);
            var where = districtId is null ? "テナント全体" : http.District().Name;
            var message = changed ? $"{where}で「{moduleId}」を{(enabled ? "有効" : "無効")}にしました。" : "変更はありませんでした。";
            return Results.Redirect($"{back}?message={Uri.EscapeDataString(message)}");
        }
        catch (PlatformException e) when (e.Status is 400 or 409)
        {
            return Results.Redirect($"{back}?error={Uri.EscapeDataString(e.Detail ?? e.Title)}");
        }
    }

    private static RazorComponentResult<ModuleSettingsPage> SettingsPage(HttpContext http, ModuleDescriptor module, JsonObject values,
        IReadOnlyDictionary<string, string[]>? errors, string? message) =>
        new(new { Tenant = http.Tenant(), District = http.District(), Module = module, Values = values, Errors = errors, Message = message });
}
