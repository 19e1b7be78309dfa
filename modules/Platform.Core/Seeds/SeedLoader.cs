using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Platform.Abstractions.Tenancy;
using Platform.Core.Bodies;
using Platform.Core.Districts;
using Platform.Core.Grains;
using Platform.Core.Meetings;
using Platform.Core.Organisations;
using Platform.Core.People;
using Platform.Core.Records;
using Platform.Core.Storage;
using Platform.Core.Tenancy;

namespace Platform.Core.Seeds;

/// <summary>
/// Loads the demo tenants from <c>seeds/</c> into an empty database. A tenant that already exists is left as it is,
/// so the loader runs at every start and only ever adds what is missing. Module switches and settings go through
/// the grains like every other change.
/// </summary>
public sealed partial class SeedLoader(
    TenantRegistry tenants,
    DistrictRules districts,
    OrganisationRules organisations,
    PersonRules people,
    BodyRules bodies,
    MeetingRules meetings,
    MeetingContext meetingContext,
    ISeedModuleServices modules,
    Accounts.AccountRules accounts,
    IGrainFactory grains,
    TimeProvider time,
    ILogger<SeedLoader> logger
)
{
    public static readonly JsonSerializerOptions Json = Platform.Abstractions.Seeds.SeedJson.Options;

    public async Task LoadFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
            return;
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order())
        {
            await using var stream = File.OpenRead(path);
            var seed =
                await JsonSerializer.DeserializeAsync<SeedFile>(stream, Json, cancellationToken)
                ?? throw new InvalidOperationException($"Seed file {path} is empty.");
            await LoadAsync(seed, folder, cancellationToken);
        }
    }

    /// <param name="folder">The folder of the seed file, which modules' content may name files in.</param>
    public async Task LoadAsync(SeedFile seed, string? folder = null, CancellationToken cancellationToken = default)
    {
        var t = seed.Tenant;
        if (await tenants.FindAsync(t.Id, cancellationToken) is not null)
            return;
        await tenants.CreateAsync(
            new NewTenant(t.Id, t.Name, t.Kind, t.LocalGovernmentCode, t.HostName),
            cancellationToken
        );
        foreach (var district in seed.Districts)
            await districts.CreateAsync(
                t.Id,
                new DistrictInput(district.Name, district.Kind, district.ParentId),
                district.Id,
                cancellationToken
            );
        var tenantGrain = grains.GetGrain<ITenantGrain>(t.Id);
        foreach (var module in seed.Modules)
            Check(await tenantGrain.EnableModule(module), module);
        foreach (var (districtId, modules) in seed.DisabledInDistricts)
        foreach (var module in modules)
            Check(
                await grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(t.Id, districtId)).DisableModule(module),
                module
            );
        foreach (var (districtId, settings) in seed.DistrictSettings)
        foreach (var (module, values) in settings)
        {
            var result = await grains
                .GetGrain<IDistrictGrain>(DistrictGrainKey.For(t.Id, districtId))
                .UpdateSettings(module, values.ToJsonString());
            if (result.Errors is not null)
                throw new InvalidOperationException(
                    $"Seed settings of {module} in {districtId} are invalid: {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}"
                );
        }
        var tenant = (await tenants.FindAsync(t.Id, cancellationToken))!;
        await LoadRecordsAsync(tenant, seed, cancellationToken);
        foreach (var (moduleId, content) in seed.ModuleContent)
        {
            if (folder is not null)
                content["seedFolder"] = folder;
            await modules.ApplyAsync(tenant, moduleId, content, cancellationToken);
        }
        LogLoaded(t.Id, t.Name, seed.Districts.Count);
    }

    private async Task LoadRecordsAsync(TenantInfo tenant, SeedFile seed, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Id;
        foreach (var u in seed.Users)
            await accounts.CreateAsync(
                u.UserName,
                u.DisplayName,
                u.Password,
                platformAdmin: false,
                u.Grants.Select(g => new Accounts.Grant(tenantId, g.Role, g.DistrictId)),
                cancellationToken: cancellationToken
            );
        foreach (var o in seed.Organisations)
            await organisations.CreateAsync(
                tenantId,
                new OrganisationInput(o.Name, o.TypeId, o.DistrictId),
                o.Id,
                cancellationToken
            );
        foreach (var p in seed.People)
            await people.CreateAsync(
                tenantId,
                new PersonInput(p.Name, p.Reading, p.Title, p.OrganisationId, p.Roles),
                p.Id,
                cancellationToken
            );
        // Bodies first without the bodies they count, which may come later in the file.
        foreach (var b in seed.Bodies)
            await bodies.CreateAsync(
                tenantId,
                b.Deserialize<BodyInput>(Json)! with
                {
                    CountedBodyIds = [],
                },
                (string)b["id"]!,
                cancellationToken
            );
        foreach (var b in seed.Bodies.Where(b => b["countedBodyIds"] is not null))
            await bodies.UpdateAsync(
                tenantId,
                (string)b["id"]!,
                new BodyInput(CountedBodyIds: b["countedBodyIds"].Deserialize<List<string>>(Json)),
                cancellationToken
            );
        var kinds = modules.MeetingKinds(tenant);
        foreach (var m in seed.Meetings)
        {
            var meeting = await meetings.CreateAsync(
                tenantId,
                m.Deserialize<MeetingInput>(Json)!,
                kinds,
                (string)m["id"]!,
                cancellationToken: cancellationToken
            );
            var grain = grains.GetGrain<IMeetingGrain>(MeetingGrainKey.For(tenantId, meeting.Id));
            foreach (var item in m["agenda"].Deserialize<List<SeedAgendaItem>>(Json) ?? [])
            {
                var added = await grain.AddAgendaItem(item.Title, null);
                foreach (var node in item.Opinions ?? [])
                {
                    var opinion =
                        node is JsonValue ? new SeedOpinion((string)node!) : node.Deserialize<SeedOpinion>(Json)!;
                    CheckRecorded(
                        await grain.AddOpinion(
                            new OpinionInput(
                                added.Entry!.AgendaItem!.Id,
                                opinion.Text,
                                Organisation: opinion.Organisation,
                                Sensitivity: PublishedDocument
                            ),
                            null
                        ),
                        meeting.Id
                    );
                }
            }
            foreach (var comment in m["comments"].Deserialize<List<CommentInput>>(Json) ?? [])
                CheckRecorded(
                    await grain.AddComment(
                        comment with
                        {
                            Sensitivity = comment.Sensitivity ?? PublishedDocument,
                        },
                        null
                    ),
                    meeting.Id
                );
            if (m["status"].Deserialize<MeetingStatus?>(Json) is { } status && status != MeetingStatus.Planned)
            {
                if (status == MeetingStatus.MinutesApproved)
                    await meetings.SetStatusAsync(
                        tenantId,
                        meeting.Id,
                        MeetingStatus.Held,
                        Clock.TodayInJapan(time),
                        cancellationToken
                    );
                await meetings.SetStatusAsync(
                    tenantId,
                    meeting.Id,
                    status,
                    Clock.TodayInJapan(time),
                    cancellationToken
                );
                await grain.Refresh();
            }
            await meetingContext.MeetingChangedAsync(tenantId, meeting.BodyId, cancellationToken);
        }
    }

    // The demo meetings come from documents the municipalities published: what they say is public unless a seed says
    // otherwise.
    private const Privacy.Sensitivity PublishedDocument = Privacy.Sensitivity.Public;

    private static void CheckRecorded(RecordResult result, string meetingId)
    {
        if (result.Entry is null)
            throw new InvalidOperationException(
                $"Seed record of meeting {meetingId} refused: {result.ErrorCode} {result.Message}"
            );
    }

    private static void Check(SwitchResult result, string module)
    {
        if (result.Refused)
            throw new InvalidOperationException(
                $"Seed cannot switch {module}: {result.ErrorCode} {result.OtherModuleId}"
            );
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Loaded demo tenant {Tenant} ({Name}) with {Districts} districts"
    )]
    private partial void LogLoaded(string tenant, string name, int districts);
}
