using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Miyagi.ExchangeSessions.Summaries;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Meetings;
using Platform.Abstractions.Organisations;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Records;
using Platform.Abstractions.Tenancy;

namespace Miyagi.ExchangeSessions.Rounds;

/// <summary>Who may take on what a session suggests: the prefecture (the tenant), its liaison council, or one of the
/// attending municipalities. <see cref="Key"/> is the form's value.</summary>
public sealed record ActionOwner(string Key, string Name, string TypeId);

/// <summary>What a comment's action form was sent with when it was refused: shown again beside its fields.</summary>
public sealed record ActionForm(
    string CommentId,
    string? Title,
    string? Owner,
    string? DueDate,
    IReadOnlyDictionary<string, string[]> Errors
);

/// <summary>The services the round page and its action form use.</summary>
public sealed record RoundActionServices(
    RoundStore Rounds,
    IMeetings Meetings,
    IMeetingActions Actions,
    IOrganisations Organisations
);

/// <summary>
/// Turning a session's comment into an action item (対応事項) with an owner, as the core turns an opinion into one: the
/// round page's form posts here (post, redirect, get); by API it is <c>POST /api/meetings/{meetingId}/actions</c> with
/// <c>commentId</c>. The owner is an organisation of the tenant, registered under the name the round gives when the
/// tenant has none of that name yet.
/// </summary>
public static class RoundActions
{
    public const string Prefecture = "prefecture";
    public const string Council = "council";
    public const string Municipality = "municipality:";

    /// <summary>The owners a round offers: the tenant, its council, each attending municipality once.</summary>
    public static IReadOnlyList<ActionOwner> Owners(TenantInfo tenant, RoundView round) =>
        [
            new(Prefecture, tenant.Name, "government"),
            new(Council, ExchangeImporter.CouncilName(round.Title), "other"),
            .. round
                .Sessions.SelectMany(s => s.Document.Counts.Select(c => c.Name))
                .Distinct()
                .Where(n => n != tenant.Name)
                .Select(n => new ActionOwner(Municipality + n, n, "government")),
        ];

    public static async Task<Results<RedirectHttpResult, RazorComponentResult<RoundPage>>> CreateAction(
        HttpContext http,
        ITenantContext tenant,
        string roundId,
        [AsParameters] RoundActionServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var round = await services.Rounds.GetAsync(tenantId, roundId, cancellationToken);
        var form = http.Request.HasFormContentType
            ? await http.Request.ReadFormAsync(cancellationToken)
            : throw new PlatformException(
                415,
                "request.unsupported_media_type",
                "送信された形式には対応していません。",
                "回の画面のフォームから送ってください。"
            );
        string? Field(string name) => form[name].LastOrDefault() is { } v && !string.IsNullOrWhiteSpace(v) ? v : null;
        var commentId = Field("commentId") ?? "";
        var session = round.Sessions.FirstOrDefault(s => s.Comments.Any(c => c.Id == commentId));
        var (title, ownerKey, due) = (Field("title"), Field("owner"), Field("dueDate"));
        var errors = new ValidationErrors();
        if (session is null)
            errors.Add("commentId", "comment.not_found", "元になったコメントがこの回にありません。");
        var owner = ownerKey is null ? null : Owners(tenant.Tenant, round).FirstOrDefault(o => o.Key == ownerKey);
        if (ownerKey is not null && owner is null)
            errors.Add("owner", "organisation.not_found", "担当を一覧から選んでください。");
        try
        {
            errors.ThrowIfAny();
            var meeting = await services.Meetings.GetAsync(tenantId, session!.MeetingId, cancellationToken);
            var ownerId = owner is null
                ? null
                : await OrganisationAsync(tenantId, owner, services.Organisations, cancellationToken);
            await services.Actions.CreateAsync(
                tenantId,
                meeting,
                new ActionRequest(title, CommentId: commentId, OwnerOrganisationId: ownerId, DueDate: due),
                cancellationToken
            );
        }
        catch (PlatformException refused) when (refused.Status == 400)
        {
            var failed = new ActionForm(
                commentId,
                title,
                ownerKey,
                due,
                refused.Errors ?? new Dictionary<string, string[]> { [""] = [refused.Title] }
            );
            var page = PageResult.For<RoundPage, RoundModel>(
                await RoundPages.ModelAsync(tenant.Tenant, round, services, failed, cancellationToken)
            );
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        return TypedResults.Redirect($"/{tenantId}/exchange-sessions/{roundId}?action=created#comment-{commentId}");
    }

    /// <summary>The owner's organisation: found by name (glyph variants and spaces aside), else registered.</summary>
    private static async Task<string> OrganisationAsync(
        string tenantId,
        ActionOwner owner,
        IOrganisations organisations,
        CancellationToken cancellationToken
    )
    {
        var all = await organisations.ListAsync(tenantId, cancellationToken: cancellationToken);
        if (all.FirstOrDefault(o => NameMatching.Fold(o.Name) == NameMatching.Fold(owner.Name)) is { } found)
            return found.Id;
        return (
            await organisations.CreateAsync(
                tenantId,
                new OrganisationInput(owner.Name, owner.TypeId),
                cancellationToken
            )
        ).Id;
    }
}
