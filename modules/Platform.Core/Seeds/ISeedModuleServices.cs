using System.Text.Json.Nodes;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Tenancy;

namespace Platform.Core.Seeds;

/// <summary>What the seed loader needs from the modules (whose services live in the host's module runtime, not
/// here).</summary>
public interface ISeedModuleServices
{
    /// <summary>Every meeting kind the tenant's modules add, with the built-in ones.</summary>
    IReadOnlyList<MeetingKind> MeetingKinds(TenantInfo tenant);

    /// <summary>Hands a module its part of a seed file (see <see
    /// cref="Platform.Abstractions.Seeds.IModuleSeeder"/>).</summary>
    Task ApplyAsync(TenantInfo tenant, string moduleId, JsonObject content, CancellationToken cancellationToken);
}
