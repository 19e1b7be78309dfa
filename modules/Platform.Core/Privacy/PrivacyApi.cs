using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Meetings;
using Platform.Core.Records;
using Platform.Core.Storage;

namespace Platform.Core.Privacy;

public sealed record LevelInput(Sensitivity? Sensitivity, PersonalBasis? Basis = null);

/// <summary>A pledge by a member of staff (<see cref="AccountId"/>, or <see cref="Self"/> for the signed-in one) or
/// by another attendee, named.</summary>
public sealed record PledgeInput(string? AccountId, string? SignerName, string? PledgedOn, bool? Self = null);

public sealed record RetentionInput(int? Years);

/// <summary>An item's level as changed, with the basis it now has.</summary>
public sealed record ItemLevel(string ItemId, string Kind, Sensitivity Sensitivity, PersonalBasis? Basis);

/// <summary>The consent for an item withdrawn: when, and by whom.</summary>
public sealed record ConsentWithdrawal(string ItemId, string? WithdrawnAt, string? WithdrawnBy);

/// <summary>The tenant's retention period for residents' information, in years.</summary>
public sealed record RetentionPeriod(int? Years);

/// <summary>How many items the retention run erased.</summary>
public sealed record RetentionRun(int Erased);

/// <summary>What the privacy handlers use, bound as one parameter.</summary>
public sealed record PrivacyServices(
    MeetingStore Meetings,
    PrivacyStore Privacy,
    PrivacyRules Rules,
    Disclosure Disclosure,
    IGrainFactory Grains
);

/// <summary>
/// Residents' information: changing an item's level, withdrawing consent, confidentiality pledges, the retention
/// period, and publishing a summary's public version after review.
/// </summary>
public static class PrivacyApi
{
    public static void MapPrivacyApi(this IEndpointRouteBuilder tenant)
    {
        var meeting = tenant
            .MapGroup("/api/meetings/{meetingId}")
            .WithTags("Privacy")
            .RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        MapItems(meeting);
        MapPublication(meeting);
        var settings = tenant
            .MapGroup("/api/privacy")
            .WithTags("Privacy")
            .RequirePermission(CorePermissions.Administer);
        settings
            .MapGet("/retention", GetRetention)
            .Describe("getRetention", "個人情報の保存期間", "The retention period");
        settings
            .MapPut("/retention", SetRetention)
            .Describe("setRetention", "個人情報の保存期間を設定", "Set the retention period")
            .Refuses(400, "privacy.invalid_retention");
        settings
            .MapPost("/retention/run", RunRetention)
            .Describe("runRetention", "保存期間を過ぎた個人情報を消去", "Erase residents' information past retention");
    }

    private static void MapItems(RouteGroupBuilder meeting)
    {
        meeting
            .MapPut("/privacy/{itemId}", SetLevel)
            .Describe("setItemLevel", "記録の公開区分を変更", "Change an item's level")
            .Refuses(
                400,
                "validation.failed",
                "privacy.invalid_level",
                "privacy.basis_required",
                "privacy.ordinance_required",
                "privacy.consent_date_required",
                "privacy.invalid_consent_date",
                "privacy.consent_scope_required"
            )
            .Refuses(403, "privacy.not_cleared")
            .Refuses(404, "meeting.not_found", "privacy.item_not_found");
        meeting
            .MapPost("/privacy/{itemId}/withdraw", WithdrawConsent)
            .Describe("withdrawConsent", "本人同意の撤回を記録", "Record that consent was withdrawn")
            .Refuses(404, "meeting.not_found", "privacy.no_basis")
            .Refuses(409, "privacy.not_consent");
        meeting
            .MapGet("/pledges", ListPledges)
            .Describe("listPledges", "守秘の誓約書の一覧", "List confidentiality pledges")
            .Refuses(404, "meeting.not_found");
        meeting
            .MapPost("/pledges", AddPledge)
            .Describe("addPledge", "守秘の誓約書を登録", "Record a confidentiality pledge")
            .Refuses(400, "validation.failed", "account.not_found", "pledge.signer_required", "pledge.invalid_date")
            .Refuses(404, "meeting.not_found");
    }

    private static void MapPublication(RouteGroupBuilder meeting)
    {
        meeting
            .MapGet("/publication", GetPublication)
            .Describe("getPublication", "概要の公開状態", "A summary's publication state")
            .Refuses(404, "meeting.not_found")
            .Refuses(409, "minutes.not_held");
        meeting
            .MapPost("/publication", ApprovePublication)
            .Describe("approvePublication", "確認した公開版を公開", "Publish the public version reviewed")
            .Refuses(400, "publication.review_required")
            .Refuses(404, "meeting.not_found")
            .Refuses(409, "minutes.not_held", "publication.minutes_not_public", "publication.changed_since_review");
        meeting
            .MapDelete("/publication", WithdrawPublication)
            .Describe("withdrawPublication", "概要の公開を取り下げ", "Withdraw a summary's publication")
            .Refuses(404, "meeting.not_found");
    }

    public static async Task<Results<Ok<ItemLevel>, ProblemHttpResult>> SetLevel(
        ITenantContext tenant,
        string meetingId,
        string itemId,
        LevelInput input,
        Audience audience,
        [AsParameters] PrivacyServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        var m = await services.Meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var (kind, itemMeeting, current) =
            await services.Privacy.FindItemAsync(tenantId, itemId, cancellationToken) is { } found
            && found.MeetingId == m.Id
                ? found
                : throw PlatformException.NotFound("privacy.item_not_found", "記録");
        var recorded = input.Basis is null
            ? (await services.Privacy.FindMarkAsync(tenantId, itemId, cancellationToken))?.Basis
            : null;
        var (level, basis, refusal) = PrivacyRules.CheckLevel(input, recorded);
        if (refusal.Any)
            return refusal.ToProblem();
        // Only someone who may read the item at both levels decides who else may: nobody publishes what they
        // cannot see.
        var higher = current > level ? current : level;
        if (
            await services.Disclosure.WhyWithheldAsync(tenantId, m, audience, itemId, higher, cancellationToken) is
            { } why
        )
            return new PlatformException(
                403,
                "privacy.not_cleared",
                "この記録の公開区分を変更する権限がありません。",
                why == Withheld.NoPledge
                    ? "この会議の守秘の誓約書が登録されていません。"
                    : $"「{higher.Japanese()}」を閲覧できる権限が必要です。"
            ).ToProblem();
        await services.Privacy.SetLevelAsync(
            tenantId,
            kind,
            itemId,
            itemMeeting,
            level,
            input.Basis is null ? null : basis,
            cancellationToken
        );
        await Revised(services.Grains, tenantId, m.Id, itemId);
        return TypedResults.Ok(new ItemLevel(itemId, kind, level, basis));
    }

    public static async Task<Ok<ConsentWithdrawal>> WithdrawConsent(
        ITenantContext tenant,
        string meetingId,
        string itemId,
        Audience audience,
        [AsParameters] PrivacyServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        await services.Meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var withdrawn = await services.Privacy.WithdrawAsync(
            tenantId,
            meetingId,
            itemId,
            audience.Name,
            cancellationToken
        );
        await Revised(services.Grains, tenantId, meetingId, itemId);
        return TypedResults.Ok(new ConsentWithdrawal(itemId, withdrawn.WithdrawnAt, withdrawn.WithdrawnBy));
    }

    public static async Task<Ok<IReadOnlyList<Pledge>>> ListPledges(
        ITenantContext tenant,
        string meetingId,
        MeetingStore meetings,
        PrivacyStore privacy,
        CancellationToken cancellationToken
    )
    {
        await meetings.GetAsync(tenant.Tenant.Id, meetingId, cancellationToken);
        return TypedResults.Ok(await privacy.PledgesAsync(tenant.Tenant.Id, meetingId, cancellationToken));
    }

    public static async Task<Results<Created<Pledge>, ProblemHttpResult>> AddPledge(
        ITenantContext tenant,
        string meetingId,
        PledgeInput input,
        Audience audience,
        [AsParameters] PrivacyServices services,
        CancellationToken cancellationToken
    )
    {
        var tenantId = tenant.Tenant.Id;
        await services.Meetings.GetAsync(tenantId, meetingId, cancellationToken);
        var (draft, refusal) = await services.Rules.CheckPledgeAsync(tenantId, input, audience, cancellationToken);
        if (draft is null)
            return refusal.ToProblem();
        var pledge = await services.Privacy.AddPledgeAsync(
            tenantId,
            meetingId,
            draft.AccountId,
            draft.SignerName,
            draft.PledgedOn,
            audience.Name,
            cancellationToken
        );
        // The pledged reader's open pages show the meeting's residents' items from now on, without a reload.
        if (draft.AccountId is not null)
            await Revised(services.Grains, tenantId, meetingId, null);
        return TypedResults.Created($"/{tenantId}/api/meetings/{meetingId}/pledges", pledge);
    }

    public static async Task<Ok<PublicationState>> GetPublication(
        ITenantContext tenant,
        string meetingId,
        Publication publication,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await publication.StateAsync(tenant.Tenant, meetingId, cancellationToken));

    public static async Task<Ok<PublicationState>> ApprovePublication(
        ITenantContext tenant,
        string meetingId,
        ApprovalInput input,
        Audience audience,
        Publication publication,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            await publication.ApproveAsync(tenant.Tenant, meetingId, input.ReviewedHash, audience, cancellationToken)
        );

    public static async Task<NoContent> WithdrawPublication(
        ITenantContext tenant,
        string meetingId,
        MeetingStore meetings,
        Publication publication,
        CancellationToken cancellationToken
    )
    {
        await meetings.GetAsync(tenant.Tenant.Id, meetingId, cancellationToken);
        await publication.WithdrawAsync(tenant.Tenant.Id, meetingId, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<RetentionPeriod>> GetRetention(
        ITenantContext tenant,
        PrivacyStore privacy,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(new RetentionPeriod(await privacy.RetentionYearsAsync(tenant.Tenant.Id, cancellationToken)));

    public static async Task<Results<Ok<RetentionPeriod>, ProblemHttpResult>> SetRetention(
        ITenantContext tenant,
        RetentionInput input,
        PrivacyStore privacy,
        CancellationToken cancellationToken
    )
    {
        var (years, refusal) = PrivacyRules.CheckRetention(input);
        if (years is null)
            return refusal.ToProblem();
        await privacy.SetRetentionYearsAsync(tenant.Tenant.Id, years.Value, cancellationToken);
        return TypedResults.Ok(new RetentionPeriod(years));
    }

    public static async Task<Ok<RetentionRun>> RunRetention(
        ITenantContext tenant,
        Audience audience,
        Retention retention,
        TimeProvider time,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            new RetentionRun(
                await retention.RunAsync(tenant.Tenant.Id, Clock.TodayInJapan(time), audience.Name, cancellationToken)
            )
        );

    // Pages open on the meeting show the item as it is now shown, without a reload.
    private static Task Revised(IGrainFactory grains, string tenantId, string meetingId, string? itemId) =>
        grains.GetGrain<IMeetingGrain>(MeetingGrainKey.For(tenantId, meetingId)).Revised(itemId);
}
