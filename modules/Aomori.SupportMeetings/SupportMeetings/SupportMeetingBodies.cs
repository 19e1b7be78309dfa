using Platform.Abstractions.Bodies;
using Platform.Abstractions.Districts;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Organisations;
using Platform.Abstractions.People;
using Platform.Abstractions.Tenancy;

namespace Aomori.SupportMeetings.SupportMeetings;

/// <summary>The support meeting (地域支え合い会議) of a district: one body of kind <see cref="Kind"/> per district.</summary>
public sealed class SupportMeetingBodies(
    IBodies bodies,
    IOrganisations organisations,
    IPeople people,
    IModuleSettings<SupportMeetingSettings> settings
)
{
    public const string ModuleId = "Aomori.SupportMeetings";
    public const string Kind = "support-meeting";

    /// <summary>Aomori city's 5W1H (資料①), the charter every district's support meeting starts from.</summary>
    public static readonly Charter DesignCharter = new(
        Why: "地域住民の主体的な課題解決力を強化し、相談支援に関わる関係機関と連携して課題を抱える方を発見し、解決を試みる仕組みをつくるため",
        What: "地域内の福祉関係者が集まって、地域の課題や共有すべき情報を共有する",
        Who: "地区社会福祉協議会、町（内）会、地区民児協、地域包括支援センター、地域支え合い推進員、地域子育て支援センター、相談支援事業所、社会福祉法人、行政等\n※案件により参集者が異なるフレキシブルな協議体",
        Where: "地域の集会所等",
        When: "年３〜４回、事案がなくても定期的に集まり情報交換を行う",
        How: "地区社会福祉協議会を中心に会議を運営し、地域支え合い推進員がサポートする"
    );

    /// <summary>
    /// The organisation types the WHO of the 5W1H convenes, with the city SWC that employs the promoters; 行政 may be
    /// city-wide (no district).
    /// </summary>
    public static readonly IReadOnlyList<string> ScopeTypes =
    [
        "district-swc",
        "city-swc",
        "neighbourhood-association",
        "welfare-commissioners",
        "community-support-centre",
        "child-rearing-support-centre",
        "disability-consultation-office",
        "social-welfare-corporation",
        "government",
    ];

    public async Task<Body?> FindAsync(
        string tenantId,
        string districtId,
        CancellationToken cancellationToken = default
    ) =>
        (await bodies.ListAsync(tenantId, districtId, cancellationToken)).FirstOrDefault(b =>
            b.Kind == Kind && b.Status != BodyStatus.Dissolved
        );

    public Task<SupportMeetingSettings> SettingsAsync(string tenantId, string districtId) =>
        settings.GetAsync(tenantId, districtId);

    /// <summary>A district has one support meeting: a second is refused, pointing at the first.</summary>
    public async Task RefuseSecondAsync(string tenantId, District district, CancellationToken cancellationToken)
    {
        if (await FindAsync(tenantId, district.Id, cancellationToken) is { } existing)
            throw new PlatformException(
                409,
                "support_meeting.exists",
                "この地区の地域支え合い会議は登録済みです。",
                $"{district.Name}の地域支え合い会議（{existing.Name}）を編集してください。"
            )
            {
                Extensions = { ["bodyId"] = existing.Id },
            };
    }

    /// <summary>
    /// Creates the district's support meeting from the design: the 5W1H, the district SWC as host (registered if the
    /// district has none yet), the district's support promoters as members, the organisations of the 5W1H's WHO as
    /// the default convening scope, and the district's cadence settings.
    /// </summary>
    /// <param name="promoterIds">
    /// The district's support promoters, as <see cref="SupportMeetingRules"/> checked them; by default, the promoters
    /// of organisations in the district.
    /// </param>
    public async Task<Body> CreateAsync(
        TenantInfo tenant,
        District district,
        IReadOnlyList<string>? promoterIds = null,
        CancellationToken cancellationToken = default
    )
    {
        await RefuseSecondAsync(tenant.Id, district, cancellationToken);
        var districtSettings = await SettingsAsync(tenant.Id, district.Id);
        var all = await organisations.ListAsync(tenant.Id, cancellationToken: cancellationToken);
        var host =
            all.FirstOrDefault(o => o.DistrictId == district.Id && o.TypeId == "district-swc")
            ?? await organisations.CreateAsync(
                tenant.Id,
                new OrganisationInput($"{district.Name}地区社会福祉協議会", "district-swc", district.Id),
                cancellationToken
            );
        var scope = all.Where(o =>
                ScopeTypes.Contains(o.TypeId)
                && (o.DistrictId == district.Id || (o.DistrictId is null && o.TypeId == "government"))
            )
            .Select(o => o.Id)
            .Prepend(host.Id)
            .Distinct()
            .ToList();
        var everyone = await people.ListAsync(tenant.Id, cancellationToken);
        var promoters = everyone
            .Where(p =>
                promoterIds is not null
                    ? promoterIds.Contains(p.Id)
                    : p.Roles.Any(r => r.Role == PersonRoleKind.SupportPromoter && r.Until is null)
                        && p.OrganisationId is { } org
                        && all.Any(o => o.Id == org && o.DistrictId == district.Id)
            )
            .Select(p => new BodyMember(p.OrganisationId, p.Id, "地域支え合い推進員"));
        var charter =
            districtSettings.Venue == new SupportMeetingSettings().Venue
                ? DesignCharter
                : DesignCharter with
                {
                    Where = districtSettings.Venue,
                };
        return await bodies.CreateAsync(
            tenant.Id,
            new BodyInput(
                Name: $"{district.Name}地区 地域支え合い会議",
                Kind: Kind,
                Tier: 2,
                Territory: Territory.District,
                DistrictId: district.Id,
                HostOrganisationId: host.Id,
                Status: BodyStatus.Active,
                Cadence: CadenceOf(districtSettings),
                Charter: charter,
                Members: [new BodyMember(host.Id, null, "主催"), .. promoters],
                DefaultScope: scope
            ),
            cancellationToken
        );
    }

    public static CadencePolicy CadenceOf(SupportMeetingSettings settings) =>
        new(settings.MinMeetingsPerFiscalYear, settings.MaxMeetingsPerFiscalYear, settings.MeetEvenWithoutCase);
}
