using Platform.Abstractions.Errors;
using Platform.Core.Accounts;

namespace Platform.Core.Privacy;

/// <summary>A confidentiality pledge as checked, before <see cref="PrivacyStore"/> records it.</summary>
public sealed record PledgeDraft(string? AccountId, string SignerName, DateOnly PledgedOn);

/// <summary>
/// The one place where the privacy inputs are checked: an item's level and basis (<see cref="LevelInput"/>), a pledge
/// (<see cref="PledgeInput"/>) and the retention period (<see cref="RetentionInput"/>).
/// </summary>
public sealed class PrivacyRules(AccountStore accounts, TimeProvider time)
{
    /// <summary>
    /// The level an item is to have, and its basis when the input gives one (the basis recorded before, if any, stands
    /// for a missing one in the check).
    /// </summary>
    public static (Sensitivity Level, PersonalBasis? Basis, ValidationErrors Refusal) CheckLevel(
        LevelInput input,
        PersonalBasis? recorded
    )
    {
        var errors = new ValidationErrors();
        var (level, basis) = PersonalBasis.Check(input.Sensitivity, input.Basis ?? recorded, errors);
        return (level, basis, errors);
    }

    /// <summary>
    /// The pledge <paramref name="input"/> describes: by the signed-in <paramref name="reader"/> (<c>self</c>), by
    /// another account of the tenant, or by an attendee named only; or every failing field.
    /// </summary>
    public async Task<(PledgeDraft? Pledge, ValidationErrors Refusal)> CheckPledgeAsync(
        string tenantId,
        PledgeInput input,
        Audience reader,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        var account =
            input.Self == true && reader.AccountId is { } self
                ? await accounts.FindAsync(self, cancellationToken)
                : null;
        if (account is null && !string.IsNullOrWhiteSpace(input.AccountId))
        {
            account = await accounts.FindAsync(input.AccountId.Trim(), cancellationToken);
            if (account is null || account.IsPlatformAdmin || !account.Knows(tenantId))
                errors.Add("accountId", "account.not_found", "このテナントのアカウントが見つかりません。");
        }
        var signer = JapaneseText.CleanOrNull(input.SignerName, 100) ?? account?.DisplayName;
        if (signer is null)
            errors.Add("signerName", "pledge.signer_required", "誓約した人の氏名を入力してください。");
        var on =
            JapaneseDate.Optional(input.PledgedOn, errors, "pledgedOn", "pledge.invalid_date", "誓約日")
            ?? Clock.TodayInJapan(time);
        return errors.Any ? (null, errors) : (new PledgeDraft(account?.Id, signer!, on), errors);
    }

    /// <summary>The retention period in years (the records management rules' number), or the refusal.</summary>
    public static (int? Years, ValidationErrors Refusal) CheckRetention(RetentionInput input)
    {
        var errors = new ValidationErrors();
        if (input.Years is not (>= 1 and <= 100))
            errors.Add(
                "years",
                "privacy.invalid_retention",
                "保存期間は1年から100年の間で指定してください（文書管理規程の年数）。"
            );
        return errors.Any ? (null, errors) : (input.Years, errors);
    }
}
