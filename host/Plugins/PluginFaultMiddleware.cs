using Platform.Abstractions.Errors;
using Platform.Host.Modules;

namespace Platform.Host.Plugins;

/// <summary>
/// Keeps a plugin's failures to itself: its endpoints answer 503 naming it once it is faulted, and an exception
/// escaping one of its endpoints faults it. Errors it raises on purpose (<see cref="PlatformException"/>) pass as they
/// are.
/// </summary>
public sealed class PluginFaultMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, PluginRegistry plugins)
    {
        if (
            context.GetEndpoint()?.Metadata.GetMetadata<ModuleEndpointMetadata>()?.Module
            is not { IsPlugin: true } module
        )
        {
            await next(context);
            return;
        }
        if (plugins.IsFaulted(module.Id, out var reason))
            throw Unavailable(module.Id, module.Name, reason);
        try
        {
            await next(context);
        }
        catch (Exception e)
            when (e is not PlatformException
                && !context.Response.HasStarted
                && !context.RequestAborted.IsCancellationRequested
            )
        {
            plugins.MarkFaulted(
                module.Id,
                $"エンドポイント {context.Request.Path} で例外：{e.GetType().Name}: {e.Message}"
            );
            throw Unavailable(module.Id, module.Name, null);
        }
    }

    private static PlatformException Unavailable(string id, string name, string? reason)
    {
        var problem = new PlatformException(
            503,
            "plugin.faulted",
            $"プラグイン「{name}」は停止しています。",
            "このプラグインで障害が起きたため、ホストの再起動まで使えません。管理画面のプラグイン一覧で理由を確認し、提供元に連絡してください。"
        );
        problem.Extensions["plugin"] = id;
        if (reason is not null)
            problem.Extensions["reason"] = reason;
        return problem;
    }
}
