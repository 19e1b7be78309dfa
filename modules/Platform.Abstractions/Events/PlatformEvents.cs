namespace Platform.Abstractions.Events;

/// <summary>Something that happened in one tenant, and possibly one district of it.</summary>
public interface IPlatformEvent
{
    /// <summary>The tenant it happened in.</summary>
    string TenantId { get; }

    /// <summary>The district, or null for tenant-wide events.</summary>
    string? DistrictId { get; }
}

/// <summary>
/// Reacts to an event. Register it in the module's <see cref="Modules.ModuleStartup.ConfigureServices"/>; it is called
/// only where its module is enabled (for the event's district, if it has one). A handler that throws is logged
/// and does not fail the request that raised the event.
/// </summary>
public interface IEventHandler<in TEvent>
    where TEvent : IPlatformEvent
{
    /// <summary>Handles the event.</summary>
    Task HandleAsync(TEvent @event, CancellationToken cancellationToken);
}

/// <summary>Publishes events to the handlers of the modules enabled where the event happened.</summary>
public interface IEventPublisher
{
    /// <summary>Calls every enabled handler, in turn, after the change the event describes is durable.</summary>
    Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default)
        where TEvent : IPlatformEvent;
}

/// <summary>A module was enabled or disabled for a tenant (<see cref="DistrictId"/> null) or for one
/// district.</summary>
public sealed record ModuleSwitched(string TenantId, string? DistrictId, string ModuleId, bool Enabled)
    : IPlatformEvent;

/// <summary>A module's settings for one district were saved.</summary>
public sealed record ModuleSettingsChanged(string TenantId, string? DistrictId, string ModuleId) : IPlatformEvent;
