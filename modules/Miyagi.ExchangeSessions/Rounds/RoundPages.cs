using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Documents;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
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
        // Without JavaScript the form posts here (a file or the pasted text): 確認する shows what was read, 取り込む
        // imports and goes to the round (post, redirect, get). With it, the page calls the API instead.
        pages
            .MapPost("/import", ImportFromForm)
            .WithMetadata(new RequestBodyLimit(RoundApi.MaxFileBytes + 64 * 1024));
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

    /// <summary>Reads the form itself (a file and the account): so it takes the request.</summary>
    public static async Task<Results<RedirectHttpResult, RazorComponentResult<ImportPage>>> ImportFromForm(
        HttpContext http,
        ITenantContext tenant,
        ExchangeImporter importer,
        ImportGate gate,
        IDocumentText documents
    )
    {
        var accountId =
            http.User.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new PlatformException(401, "auth.required", "サインインが必要です。");
        // A body that is not a form is not this page's (as the core's forms answer it).
        if (!http.Request.HasFormContentType)
            throw new PlatformException(
                415,
                "request.unsupported_media_type",
                "送信された形式には対応していません。",
                "フォームから送信してください。"
            );
        var tenantId = tenant.Tenant.Id;
        string? text = null;
        try
        {
            using var _ = gate.Enter(accountId);
            var request = await RoundApi.ReadFormAsync(http, documents);
            text = request.Text;
            if (http.Request.Form["action"].ToString() == "import")
            {
                var result = await importer.ImportAsync(
                    tenant.Tenant,
                    request.Text ?? "",
                    request.Replace == true,
                    http.RequestAborted
                );
                return TypedResults.Redirect($"/{tenantId}/exchange-sessions/{result.RoundId}");
            }
            var preview = await importer.PreviewAsync(tenantId, request.Text ?? "", http.RequestAborted);
            return PageResult.For<ImportPage, ImportModel>(new ImportModel(tenant.Tenant, preview, request.Text));
        }
        catch (PlatformException e) when (e.Status is >= 400 and < 500 and not 401 and not 403)
        {
            var page = PageResult.For<ImportPage, ImportModel>(
                new ImportModel(tenant.Tenant, null, text, $"{e.Title} {e.Detail}".Trim())
            );
            page.StatusCode = e.Status;
            return page;
        }
    }

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
