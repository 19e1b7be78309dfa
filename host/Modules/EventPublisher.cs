using Autofac;
using Platform.Abstractions.Events;
using Platform.Core.Modules;
using Platform.Core.Tenancy;

namespace Platform.Host.Modules;

/// <summary>
/// Calls the event handlers of the modules in effect where the event happened, one after another. A handler that
/// throws is logged with its module and does not stop the others or fail the change that raised the event, which
/// is already stored when events are published.
/// </summary>
public sealed partial class EventPublisher(
    ModuleRuntime runtime,
    ModuleGate gate,
    TenantRegistry tenants,
    Plugins.PluginRegistry plugins,
    ILogger<EventPublisher> logger
) : IEventPublisher
{
    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : IPlatformEvent
    {
        var tenant = await tenants.FindAsync(@event.TenantId, cancellationToken);
        if (tenant is null)
            return;
        var effective = await gate.EffectiveAsync(tenant.Id, @event.DistrictId);
        await using var scope = runtime.TenantScope(tenant).BeginLifetimeScope();
        foreach (var handler in scope.Resolve<IEnumerable<IEventHandler<TEvent>>>())
        {
            var owner = runtime.Catalog.OwnerOf(handler.GetType());
            if (owner is not null && !effective.Contains(owner.Id))
                continue;
            if (owner is { IsPlugin: true } && plugins.IsFaulted(owner.Id, out _))
                continue;
            try
            {
                await handler.HandleAsync(@event, cancellationToken);
            }
            catch (Exception e)
            {
                if (owner is { IsPlugin: true })
                    plugins.MarkFaulted(
                        owner.Id,
                        $"イベント処理（{typeof(TEvent).Name}）で例外：{e.GetType().Name}: {e.Message}"
                    );
                LogHandlerFailed(typeof(TEvent).Name, owner?.Id ?? "?", @event.TenantId, @event.DistrictId ?? "-", e);
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Handler for {Event} of module {Module} failed (tenant {Tenant}, district {District})"
    )]
    private partial void LogHandlerFailed(
        string @event,
        string module,
        string tenant,
        string district,
        Exception error
    );
}
