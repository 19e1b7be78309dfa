namespace Platform.Host.Modules;

/// <summary>Marks an endpoint as belonging to a module, for the gate to check that the module is in effect.</summary>
public sealed record ModuleEndpointMetadata(Platform.Core.Modules.ModuleDescriptor Module);
