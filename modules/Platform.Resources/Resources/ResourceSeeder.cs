using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Records;
using Platform.Abstractions.Seeds;
using Platform.Abstractions.Tenancy;

namespace Platform.Resources.Resources;

/// <summary>
/// Demo resources, each found in an opinion of the demo meetings:
/// <c>{"fromOpinions": [{"opinion": "雪かき専門のボランティア。", "name": …, "categoryId": …, "districtId": …,
/// "status": …, …}]}</c>.
/// The opinion is looked up by its text in the tenant's records, since imported opinions get new ids.
/// </summary>
public sealed class ResourceSeeder(ResourceRules rules, IMeetings meetings, IMeetingRecords records, TimeProvider time)
    : IModuleSeeder
{
    private sealed record SeedResource(
        string Opinion,
        string Name,
        string CategoryId,
        string? DistrictId,
        ResourceStatus Status = ResourceStatus.Found,
        ResourceDetails? Details = null,
        string? Contact = null,
        bool ContactConsent = false,
        bool PublishContact = false,
        string? LastConfirmed = null
    );

    public async Task SeedAsync(TenantInfo tenant, JsonObject content, CancellationToken cancellationToken)
    {
        var wanted = content["fromOpinions"].Deserialize<List<SeedResource>>(SeedJson.Options) ?? [];
        if (wanted.Count == 0)
            return;
        var said = new Dictionary<string, (string MeetingId, string OpinionId)>();
        foreach (var meeting in await meetings.ListAsync(tenant.Id, new MeetingFilter(), cancellationToken))
        foreach (
            var o in (await records.ReadAsync(tenant.Id, meeting, cancellationToken)).Opinions.Where(o => !o.Withheld)
        )
            said.TryAdd(o.Text, (meeting.Id, o.Id));
        foreach (var r in wanted)
        {
            var found = said.TryGetValue(r.Opinion, out var at)
                ? at
                : throw new InvalidOperationException($"Seed resource 「{r.Name}」: no opinion says 「{r.Opinion}」.");
            var input = new ResourceInput(
                r.Name,
                r.CategoryId,
                r.DistrictId,
                r.Details ?? new ResourceDetails(Offers: r.Opinion),
                r.Contact,
                r.ContactConsent,
                r.PublishContact,
                r.Status,
                r.LastConfirmed
            );
            await rules.CreateAsync(tenant.Id, input, Clock.TodayInJapan(time), found, cancellationToken);
        }
    }
}
