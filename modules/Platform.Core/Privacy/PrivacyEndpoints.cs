using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Meetings;
using Platform.Core.Minutes;
using Platform.Core.Records;
using Platform.Core.Storage;
using Platform.Core.Tenancy;

namespace Platform.Core.Privacy;

public sealed record LevelInput(Sensitivity? Sensitivity, PersonalBasis? Basis = null);

/// <summary>A pledge by a member of staff (<see cref="AccountId"/>, or <see cref="Self"/> for the signed-in one) or by another attendee, named.</summary>
public sealed record PledgeInput(string? AccountId, string? SignerName, string? PledgedOn, bool? Self = null);

public sealed record RetentionInput(int? Years);

/// <summary>
/// Residents' information: changing an item's level, withdrawing consent, confidentiality pledges, the retention
/// period, and publishing a summary's public version after review.
/// </summary>
public static class PrivacyEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        var meeting = tenant.MapGroup("/api/meetings/{meetingId}").WithTags("Privacy");
        meeting.MapPut("/privacy/{itemId}", async (HttpContext http, string meetingId, string itemId, LevelInput input, MeetingStore meetings,
            PrivacyStore privacy, Disclosure disclosure, IGrainFactory grains) =>
        {
            var tenantId = http.Tenant().Id;
            var m = await meetings.GetAsync(tenantId, meetingId, http.RequestAborted);
            var (kind, itemMeeting, current) = await privacy.FindItemAsync(tenantId, itemId, http.RequestAborted) is { } found && found.MeetingId == m.Id
                ? found : throw PlatformException.NotFound("privacy.item_not_found", "記録");
            var errors = new ValidationErrors();
            var (level, basis) = PersonalBasis.Check(input.Sensitivity, input.Basis ?? (await privacy.FindMarkAsync(tenantId, itemId, http.RequestAborted))?.Basis, errors);
            errors.ThrowIfAny();
            // Only someone who may read the item at both levels decides who else may: nobody publishes what they cannot see.
            var audience = http.Audience();
            if (await disclosure.WhyWithheldAsync(tenantId, m, audience, itemId, Max(current, level), http.RequestAborted) is { } why)
                throw new PlatformException(403, "privacy.not_cleared", "この記録の公開区分を変更する権限がありません。",
                    why == Withheld.NoPledge ? "この会議の守秘の誓約書が登録されていません。" : $"「{Max(current, level).Japanese()}」を閲覧できる権限が必要です。");
            await privacy.SetLevelAsync(tenantId, kind, itemId, itemMeeting, level, input.Basis is null ? null : basis, http.RequestAborted);
            await Revised(grains, tenantId, m.Id, itemId);
            return new { itemId, kind, sensitivity = level, basis };
        });
        meeting.MapPost("/privacy/{itemId}/withdraw", async (HttpContext http, string meetingId, string itemId, MeetingStore meetings, PrivacyStore privacy,
            IGrainFactory grains) =>
        {
            var tenantId = http.Tenant().Id;
            await meetings.GetAsync(tenantId, meetingId, http.RequestAborted);
            var withdrawn = await privacy.WithdrawAsync(tenantId, meetingId, itemId, http.Audience().Name, http.RequestAborted);
            await Revised(grains, tenantId, meetingId, itemId);
            return new { itemId, withdrawn.WithdrawnAt, withdrawn.WithdrawnBy };
        });

        meeting.MapGet("/pledges", async (HttpContext http, string meetingId, MeetingStore meetings, PrivacyStore privacy) =>
        {
            await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted);
            return await privacy.PledgesAsync(http.Tenant().Id, meetingId, http.RequestAborted);
        });
        meeting.MapPost("/pledges", async (HttpContext http, string meetingId, PledgeInput input, MeetingStore meetings, PrivacyStore privacy, AccountStore accounts,
            TimeProvider time, IGrainFactory grains) =>
        {
            var tenantId = http.Tenant().Id;
            await meetings.GetAsync(tenantId, meetingId, http.RequestAborted);
            var errors = new ValidationErrors();
            var account = input.Self == true ? http.Account() : null;
            if (account is null && !string.IsNullOrWhiteSpace(input.AccountId))
            {
                account = await accounts.FindAsync(input.AccountId.Trim(), http.RequestAborted);
                if (account is null || account.IsPlatformAdmin || !account.Knows(tenantId))
                    errors.Add("accountId", "account.not_found", "このテナントのアカウントが見つかりません。");
            }
            var signer = JapaneseText.CleanOrNull(input.SignerName, 100) ?? account?.DisplayName;
            if (signer is null) errors.Add("signerName", "pledge.signer_required", "誓約した人の氏名を入力してください。");
            var on = JapaneseDate.Optional(input.PledgedOn, errors, "pledgedOn", "pledge.invalid_date", "誓約日") ?? Clock.TodayInJapan(time);
            errors.ThrowIfAny();
            var pledge = await privacy.AddPledgeAsync(tenantId, meetingId, account?.Id, signer!, on, http.Audience().Name, http.RequestAborted);
            // The pledged reader's open pages show the meeting's residents' items from now on, without a reload.
            if (account is not null) await Revised(grains, tenantId, meetingId, null);
            return Results.Created($"/{tenantId}/api/meetings/{meetingId}/pledges", pledge);
        });

        meeting.MapGet("/publication", (HttpContext http, string meetingId, Publication publication) => publication.StateAsync(http, meetingId));
        meeting.MapPost("/publication", (HttpContext http, string meetingId, ApprovalInput input, Publication publication) =>
            publication.ApproveAsync(http, meetingId, input.ReviewedHash, http.Audience().Name));
        meeting.MapDelete("/publication", async (HttpContext http, string meetingId, MeetingStore meetings, Publication publication) =>
        {
            await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted);
            await publication.WithdrawAsync(http.Tenant().Id, meetingId, http.RequestAborted);
            return Results.NoContent();
        });
        tenant.MapGet("/meetings/{meetingId}/public-version", async (HttpContext http, string meetingId, Publication publication) =>
        {
            var version = await publication.PublicVersionAsync(http, meetingId);
            return Platform.Abstractions.Pages.PageResult.For<MinutesDocument, MinutesModel>(
                new MinutesModel(version, await publication.StateAsync(http, meetingId, version)));
        }).ExcludeFromDescription();
        tenant.MapGet("/public/meetings/{meetingId}", async (HttpContext http, string meetingId, Publication publication) =>
            Platform.Abstractions.Pages.PageResult.For<MinutesDocument, MinutesModel>(
                new MinutesModel(await publication.PublishedAsync(http, meetingId))))
            .AllowAnonymous().ExcludeFromDescription();

        var settings = tenant.MapGroup("/api/privacy").WithTags("Privacy").RequirePermission(CorePermissions.Administer);
        settings.MapGet("/retention", async (HttpContext http, PrivacyStore privacy) => new { years = await privacy.RetentionYearsAsync(http.Tenant().Id, http.RequestAborted) });
        settings.MapPut("/retention", async (HttpContext http, RetentionInput input, PrivacyStore privacy) =>
        {
            if (input.Years is not (>= 1 and <= 100))
                throw new ValidationErrors().Add("years", "privacy.invalid_retention", "保存期間は1年から100年の間で指定してください（文書管理規程の年数）。").ToException();
            await privacy.SetRetentionYearsAsync(http.Tenant().Id, input.Years.Value, http.RequestAborted);
            return new { years = input.Years };
        });
        settings.MapPost("/retention/run", async (HttpContext http, Retention retention, TimeProvider time) =>
            new { erased = await retention.RunAsync(http.Tenant().Id, Clock.TodayInJapan(time), http.Audience().Name, http.RequestAborted) });
    }

    private static Sensitivity Max(Sensitivity a, Sensitivity b) => a > b ? a : b;

    // Pages open on the meeting show the item as it is now shown, without a reload.
    private static Task Revised(IGrainFactory grains, string tenantId, string meetingId, string? itemId) =>
        grains.GetGrain<IMeetingGrain>(MeetingGrainKey.For(tenantId, meetingId)).Revised(itemId);
}
