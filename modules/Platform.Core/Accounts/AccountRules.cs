using Platform.Abstractions.Errors;

namespace Platform.Core.Accounts;

/// <summary>
/// The one place where a user name, a new password and a password change are checked: the users API, the seed
/// loader and the first platform administrator all come here before <see cref="AccountStore"/> writes.
/// </summary>
public sealed class AccountRules(AccountStore accounts)
{
    /// <summary>The rules for a new account's user name and password, for callers checking other fields too.</summary>
    public static ValidationErrors CheckCredentials(
        string userName,
        string? password,
        ValidationErrors errors,
        bool passwordOptional = false
    )
    {
        if (!Ids.IsValid(userName))
            errors.Add(
                "userName",
                "account.invalid_user_name",
                "ユーザー名は英小文字・数字・ハイフンの2〜64文字で指定してください。"
            );
        if (password is null && passwordOptional)
            return errors;
        if ((password ?? "").Length < 12)
            errors.Add("password", "account.weak_password", "パスワードは12文字以上にしてください。");
        return errors;
    }

    /// <summary>
    /// Checks and creates an account; a refusal is thrown (for callers outside a request handler). With
    /// <paramref name="external"/> the password may be null.
    /// </summary>
    public async Task<Account> CreateAsync(
        string userName,
        string displayName,
        string? password,
        bool platformAdmin,
        IEnumerable<Grant> grants,
        ExternalLogin? external = null,
        CancellationToken cancellationToken = default
    )
    {
        CheckCredentials(userName, password, new ValidationErrors(), passwordOptional: external is not null)
            .ThrowIfAny();
        return await accounts.CreateAsync(
            userName,
            displayName,
            password,
            platformAdmin,
            grants,
            external,
            cancellationToken
        );
    }

    /// <summary>
    /// Every failing field of a password change: both given, the new one long enough, and the current one right (so a
    /// session left open is not enough).
    /// </summary>
    public async Task<ValidationErrors> CheckPasswordChangeAsync(
        Account account,
        string? current,
        string? next,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(current))
            errors.Add("currentPassword", "account.current_password_required", "現在のパスワードを入力してください。");
        if ((next ?? "").Length < 12)
            errors.Add("newPassword", "account.weak_password", "新しいパスワードは12文字以上にしてください。");
        if (errors.Any)
            return errors;
        try
        {
            await accounts.SignInAsync(account.UserName, current, cancellationToken: cancellationToken);
        }
        catch (PlatformException e) when (e.Status == 401)
        {
            errors.Add("currentPassword", "account.wrong_password", "現在のパスワードが違います。");
        }
        return errors;
    }
}
