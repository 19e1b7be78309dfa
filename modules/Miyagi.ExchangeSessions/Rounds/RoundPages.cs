using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Records;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;

namespace Miyagi.ExchangeSessions.Rounds;

/// <summary>The module's pages: the rounds, the import form, the speakers and one round.</summary>
public static class RoundPages
{
    public static void MapRoundPages(this IEndpointRouteBuilder tenant)
    {
        var pages = tenant
            .MapGroup("/exchange-sessions")
            .ExcludeFromDescription()
            .RequirePermissions(ExchangePermissions.View, ExchangePermissions.Import);
        pages.MapGet("", ShowRounds);
        pages.MapGet("/import", ShowImport);
        pages.MapGet("/speakers", ShowSpeakers);
        pages.MapGet("/{roundId}", ShowRound);
        // A plain form post (post, redirect, get): a comment becomes an action item; needs the import permission.
        pages.MapPost("/{roundId}/actions", RoundActions.CreateAction);
    }

    public static async Task<RazorComponentResult<RoundsPage>> ShowRounds(
        ITenantContext tenant,
        RoundStore rounds,
        CancellationToken cancellationToken
    ) =>
        PageResult.For<RoundsPage, RoundsModel>(
            new RoundsModel(tenant.Tenant, await rounds.ListAsync(tenant.Tenant.Id, cancellationToken))
        );

    public static RazorComponentResult<ImportPage> ShowImport(ITenantContext tenant) =>
        PageResult.For<ImportPage, ImportModel>(new ImportModel(tenant.Tenant));

    public static async Task<RazorComponentResult<SpeakersPage>> ShowSpeakers(
        ITenantContext tenant,
        RoundStore rounds,
        CancellationToken cancellationToken
    ) =>
        PageResult.For<SpeakersPage, SpeakersModel>(
            new SpeakersModel(tenant.Tenant, await RoundApi.SpeakersAsync(tenant.Tenant.Id, rounds, cancellationToken))
        );

    public static async Task<RazorComponentResult<RoundPage>> ShowRound(
        ITenantContext tenant,
        string roundId,
        string? action,
        [AsParameters] RoundActionServices services,
        CancellationToken cancellationToken
    )
    {
        var round = await services.Rounds.GetAsync(tenant.Tenant.Id, roundId, cancellationToken);
        var model = await ModelAsync(tenant.Tenant, round, services, null, cancellationToken);
        return PageResult.For<RoundPage, RoundModel>(model with { Created = action == "created" });
    }

    internal static async Task<RoundModel> ModelAsync(
        TenantInfo tenant,
        RoundView round,
        RoundActionServices services,
        ActionForm? failed,
        CancellationToken cancellationToken
    )
    {
        var actions = new Dictionary<string, IReadOnlyList<MeetingAction>>();
        foreach (var s in round.Sessions)
        {
            var meeting = await services.Meetings.GetAsync(tenant.Id, s.MeetingId, cancellationToken);
            actions[s.MeetingId] = await services.Actions.ListAsync(tenant.Id, meeting, cancellationToken);
        }
        var organisations = await services.Organisations.ListAsync(tenant.Id, cancellationToken: cancellationToken);
        return new RoundModel(tenant, round, RoundApi.Compare(round))
        {
            Actions = actions,
            Owners = RoundActions.Owners(tenant, round),
            OrganisationNames = organisations.ToDictionary(o => o.Id, o => o.Name),
            Failed = failed,
        };
    }
}
