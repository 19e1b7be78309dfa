using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Pages;
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
        RoundStore rounds,
        CancellationToken cancellationToken
    )
    {
        var round = await rounds.GetAsync(tenant.Tenant.Id, roundId, cancellationToken);
        return PageResult.For<RoundPage, RoundModel>(new RoundModel(tenant.Tenant, round, RoundApi.Compare(round)));
    }
}
