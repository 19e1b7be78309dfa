using Platform.Abstractions.Errors;
using Platform.Core.Modules;
using Platform.Core.Tenancy;

namespace Platform.Host.Modules;

/// <summary>
/// Answers 404 for the endpoints and pages of a module that is not in effect for the request's tenant, or for its
/// district when the route names one. 404 rather than 403: a switched-off module looks, to its users, like one that
/// does not exist there.
/// </summary>
public sealed class ModuleGateMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ModuleGate gate)
    {
        var module = context.GetEndpoint()?.Metadata.GetMetadata<ModuleEndpointMetadata>()?.Module;
        var place = context.Features.Get<TenantFeature>();
        if (
            module is not null
            && place is not null
            && !await gate.IsEnabledAsync(place.Tenant.Id, place.District?.Id, module)
        )
        {
            throw new PlatformException(
                404,
                "module.disabled",
                "この機能はここでは使えません。",
                $"「{module.Name}」は{(place.District is null ? "このテナント" : $"{place.District.Name}")}で無効になっています。管理者に有効化を依頼してください。"
            );
        }
        await next(context);
    }
}
