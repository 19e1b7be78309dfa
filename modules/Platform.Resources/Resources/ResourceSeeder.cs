using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Platform.Abstractions.Seeds;
using Platform.Abstractions.Tenancy;
using Platform.Core.Seeds;
using Platform.Core.Storage;
using Platform.Abstractions.Calendar;

namespace Platform.Resources.Resources;

/// <summary>
/// Demo resources, each found in an opinion of the demo meetings:
/// <c>{"fromOpinions": [{"opinion": "雪かき専門のボランティア。", "name": …, "categoryId": …, "districtId": …, "status": …, …}]}</c>.
/// The opinion is looked up by its text, since imported opinions get new ids.
/// </summary>
public sealed class ResourceSeeder(ResourceStore store, Database database, TimeProvider time) : IModuleSeeder
{
    private sealed record SeedResource(string Opinion, string Name, string CategoryId, string? DistrictId, ResourceStatus Status = ResourceStatus.Found,
        ResourceDetails? Details = null, string? Contact = null, bool ContactConsent = false, bool PublishContact = false, string? LastConfirmed = null);

    public async Task SeedAsync(TenantInfo tenant, JsonObject content, CancellationToken cancellationToken)
    {
        foreach (var r in content["fromOpinions"].Deserialize<List<SeedResource>>(SeedLoader.Json) ?? [])
        {
            (string MeetingId, string OpinionId) found;
            await using (var connection = await database.OpenAsync(cancellationToken))
                found = await connection.QuerySingleAsync<(string, string)>(
                    "SELECT meeting_id, opinion_id FROM opinions WHERE tenant_id = @tenantId AND text = @Opinion", new { tenantId = tenant.Id, r.Opinion });
            await store.CreateAsync(tenant.Id, new ResourceInput(r.Name, r.CategoryId, r.DistrictId, r.Details ?? new ResourceDetails(Offers: r.Opinion), r.Contact,
                r.ContactConsent, r.PublishContact, r.Status, r.LastConfirmed), Clock.TodayInJapan(time), found, cancellationToken: cancellationToken);
        }
    }
}
