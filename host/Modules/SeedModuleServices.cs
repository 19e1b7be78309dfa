using System.Text.Json.Nodes;
using Autofac;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Seeds;
using Platform.Abstractions.Tenancy;
using Platform.Core.Seeds;

namespace Platform.Host.Modules;

/// <summary>The seed loader's way into the modules' services, through the tenant's scope like a request's.</summary>
public sealed class SeedModuleServices(ModuleRuntime runtime) : ISeedModuleServices
{
    public IReadOnlyList<MeetingKind> MeetingKinds(TenantInfo tenant) =>
        Core.Meetings.MeetingKinds.All(runtime.TenantScope(tenant).Resolve<IEnumerable<IMeetingKindSource>>());

    public async Task ApplyAsync(
        TenantInfo tenant,
        string moduleId,
        JsonObject content,
        CancellationToken cancellationToken
    )
    {
        var seeder =
            runtime
                .TenantScope(tenant)
                .Resolve<IEnumerable<IModuleSeeder>>()
                .FirstOrDefault(s =>
                    string.Equals(
                        runtime.Catalog.OwnerOf(s.GetType())?.Id,
                        moduleId,
                        StringComparison.OrdinalIgnoreCase
                    )
                )
            ?? throw new InvalidOperationException($"Seed content for module '{moduleId}', which has no seeder.");
        using (Seeding.Begin())
            await seeder.SeedAsync(tenant, content, cancellationToken);
    }
}
