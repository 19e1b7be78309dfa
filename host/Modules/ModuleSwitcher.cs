using System.Text.Json.Nodes;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Events;
using Platform.Core.Grains;
using Platform.Core.Modules;

namespace Platform.Host.Modules;

/// <summary>
/// Switches modules and edits their settings for a tenant or a district, for all three ways admins do it: the API,
/// the admin page and the CLI. The grains decide; this turns their refusals into errors people can act on and
/// publishes <see cref="ModuleSwitched"/> once the change is stored.
/// </summary>
public sealed class ModuleSwitcher(IGrainFactory grains, ModuleCatalog catalog, IEventPublisher events)
{
    public async Task<bool> SwitchAsync(string tenantId, string? districtId, string moduleId, bool enable)
    {
        var module = catalog.Get(moduleId);
        SwitchResult result;
        if (districtId is null)
        {
            var grain = grains.GetGrain<ITenantGrain>(tenantId);
            result = enable ? await grain.EnableModule(module.Id) : await grain.DisableModule(module.Id);
        }
        else
        {
            var grain = grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(tenantId, districtId));
            result = enable ? await grain.EnableModule(module.Id) : await grain.DisableModule(module.Id);
        }
        if (result.Refused)
            throw Refusal(module, result);
        if (result.Changed)
            await events.PublishAsync(new ModuleSwitched(tenantId, districtId, module.Id, enable));
        return result.Changed;
    }

    public async Task<JsonObject> GetSettingsAsync(string tenantId, string districtId, string moduleId)
    {
        var module = RequireSettings(moduleId);
        var json = await grains
            .GetGrain<IDistrictGrain>(DistrictGrainKey.For(tenantId, districtId))
            .GetSettings(module.Id);
        return JsonNode.Parse(json)!.AsObject();
    }

    public async Task<JsonObject> UpdateSettingsAsync(
        string tenantId,
        string districtId,
        string moduleId,
        JsonObject changes
    )
    {
        var module = RequireSettings(moduleId);
        var result = await grains
            .GetGrain<IDistrictGrain>(DistrictGrainKey.For(tenantId, districtId))
            .UpdateSettings(module.Id, changes.ToJsonString());
        if (result.Errors is not null)
            throw PlatformException.Validation(result.Errors);
        await events.PublishAsync(new ModuleSettingsChanged(tenantId, districtId, module.Id));
        return JsonNode.Parse(result.Json!)!.AsObject();
    }

    private ModuleDescriptor RequireSettings(string moduleId)
    {
        var module = catalog.Get(moduleId);
        return module.SettingsType is null
            ? throw new PlatformException(
                404,
                "module.no_settings",
                "このモジュールには設定項目がありません。",
                $"「{module.Name}」に地区ごとの設定はありません。"
            )
            : module;
    }

    private PlatformException Refusal(ModuleDescriptor module, SwitchResult result)
    {
        var other = result.OtherModuleId is null ? null : catalog.Find(result.OtherModuleId);
        var otherName = other is null ? result.OtherModuleId : $"{other.Name}（{other.Id}）";
        return result.ErrorCode switch
        {
            "module.dependency_disabled" => new PlatformException(
                409,
                result.ErrorCode,
                "必要なモジュールが無効です。",
                $"「{module.Name}」を有効にするには、先に「{otherName}」を有効にしてください。"
            )
            {
                Extensions = { ["otherModule"] = result.OtherModuleId },
            },
            "module.dependent_enabled" => new PlatformException(
                409,
                result.ErrorCode,
                "このモジュールを使っているモジュールがあります。",
                $"「{otherName}」が「{module.Name}」を必要としています。先に「{otherName}」を無効にしてください。"
            )
            {
                Extensions = { ["otherModule"] = result.OtherModuleId },
            },
            "module.disabled_for_tenant" => new PlatformException(
                409,
                result.ErrorCode,
                "テナント全体で無効なモジュールです。",
                $"「{module.Name}」を地区で有効にするには、先にテナント全体で有効にしてください。"
            ),
            "module.not_district_scoped" => new PlatformException(
                400,
                result.ErrorCode,
                "地区ごとには切り替えられないモジュールです。",
                $"「{module.Name}」はテナント全体でのみ切り替えられます。"
            ),
            "module.always_enabled" => new PlatformException(
                409,
                result.ErrorCode,
                "無効にできないモジュールです。",
                $"「{module.Name}」はプラットフォームの基本機能です。"
            ),
            _ => PlatformException.NotFound("module.not_found", "モジュール"),
        };
    }
}
