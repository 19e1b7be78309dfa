using System.Text.RegularExpressions;
using MimeKit;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Text;

namespace Platform.Core.Mail;

/// <summary>A file to attach to a mail, as the outbox keeps it.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>What the outbox accepts: one mail address per recipient, attachments within the size limit.</summary>
public static partial class MailRules
{
    public const string NotConfiguredCode = "mail.not_configured";
    public const string NotConfigured = "メール送信は設定されていません";

    /// <summary>Whether <paramref name="address"/> is one plain address (no name, no list) that MimeKit can send
    /// to.</summary>
    public static bool IsAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Length > 254 || !Shape().IsMatch(address))
            return false;
        return MailboxAddress.TryParse(address, out var parsed) && parsed.Address == address;
    }

    /// <summary>A typed address, normalised (full-width characters, spaces around), or the refusal
    /// <c>mail.invalid_address</c>.</summary>
    public static (string? Address, ValidationErrors Refusal) CheckAddress(string? input, string field = "address")
    {
        var errors = new ValidationErrors();
        var address = JapaneseText.Normalize(input);
        if (!IsAddress(address))
        {
            errors.Add(
                field,
                "mail.invalid_address",
                "メールアドレスの形式が正しくありません（例：info@example.jp）。"
            );
            return (null, errors);
        }
        return (address, errors);
    }

    /// <summary>The refusal <c>mail.attachment_too_large</c> for a file over <c>Mail:MaxAttachmentBytes</c>.</summary>
    public static PlatformException TooLarge(MailAttachment attachment, int limit) =>
        new(
            400,
            "mail.attachment_too_large",
            "添付ファイルが大きすぎます。",
            $"「{attachment.FileName}」は{attachment.Content.Length:N0}バイトで、メールに添付できる上限"
                + $"（{limit:N0}バイト）を超えています。"
        );

    public static PlatformException NotConfiguredRefusal() =>
        new(
            409,
            NotConfiguredCode,
            NotConfigured + "。",
            "このプラットフォームにはメールサーバー（Mail:Host）が設定されていないため、メールは送れません。"
        );

    [GeneratedRegex(@"^[^@\s<>,;""]+@[^@\s<>,;""]+\.[^@\s<>,;""]+$")]
    private static partial Regex Shape();
}
