using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Platform.Abstractions.Errors;

namespace Platform.Core.Notices;

/// <summary>What a valid reply token names: one meeting, one organisation, and the token's own id (spent once).</summary>
public sealed record ReplyTicket(string TenantId, string MeetingId, string OrganisationId, string TokenId);

/// <summary>
/// The reply links printed on the letters when <c>Notices:ReplyBaseUrl</c> is set. A token names one meeting and one
/// organisation, expires after <c>Notices:ReplyLinkDays</c> (30 by default) and is signed: with HMAC-SHA256 under
/// <c>Notices:ReplySecret</c> when that is configured (the same on every node), otherwise by the host's data
/// protection keys. Nothing else can be reached through it.
/// </summary>
public sealed class ReplyLinks
{
    private const string Purpose = "Platform.Notices.ReplyLinks.v1";
    private readonly string? _baseUrl;
    private readonly byte[]? _secret;
    private readonly IDataProtector _protector;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public ReplyLinks(IConfiguration configuration, IDataProtectionProvider protection, TimeProvider time)
    {
        _baseUrl = configuration["Notices:ReplyBaseUrl"] is { Length: > 0 } url ? url.TrimEnd('/') : null;
        _secret = configuration["Notices:ReplySecret"] is { Length: > 0 } secret
            ? SHA256.HashData(Encoding.UTF8.GetBytes(Purpose + secret))
            : null;
        _protector = protection.CreateProtector(Purpose);
        _lifetime = TimeSpan.FromDays(Math.Clamp(configuration.GetValue("Notices:ReplyLinkDays", 30), 1, 365));
        _time = time;
    }

    /// <summary>Whether letters carry a reply link.</summary>
    public bool Enabled => _baseUrl is not null;

    /// <summary>The link for one organisation's letter, or null when links are not configured.</summary>
    public string? LinkFor(string tenantId, string meetingId, string organisationId, DateOnly meetingDate) =>
        _baseUrl is null ? null : $"{_baseUrl}/{tenantId}/reply/{Issue(tenantId, meetingId, organisationId)}";

    /// <summary>A new token: each letter written gets its own, spent by its first answer.</summary>
    public string Issue(string tenantId, string meetingId, string organisationId)
    {
        var expires = _time.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds();
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12));
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', tenantId, meetingId, organisationId, expires, id));
        return WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(Sign(payload));
    }

    /// <summary>
    /// The token's meeting and organisation; a token that was changed, signed for another tenant or cut short is
    /// refused with <c>reply.invalid_token</c>, one past its time with <c>reply.expired_token</c>.
    /// </summary>
    public ReplyTicket Read(string tenantId, string token)
    {
        var parts = token.Split('.');
        byte[] payload,
            signature;
        try
        {
            if (parts.Length != 2)
                throw Invalid();
            payload = WebEncoders.Base64UrlDecode(parts[0]);
            signature = WebEncoders.Base64UrlDecode(parts[1]);
        }
        catch (FormatException)
        {
            throw Invalid();
        }
        if (!Verify(payload, signature))
            throw Invalid();
        var fields = Encoding.UTF8.GetString(payload).Split('\n');
        if (fields.Length != 5 || fields[0] != tenantId || !long.TryParse(fields[3], out var expires))
            throw Invalid();
        if (_time.GetUtcNow().ToUnixTimeSeconds() > expires)
            throw new PlatformException(
                410,
                "reply.expired_token",
                "この回答用リンクは有効期限が切れています。",
                "お手数ですが、開催通知に記載の担当者へ電話またはFAXでご回答ください。"
            );
        return new ReplyTicket(fields[0], fields[1], fields[2], fields[4]);
    }

    /// <summary>A 404, as for any address that leads nowhere: a token of another tenant says nothing of it.</summary>
    public static PlatformException Invalid() =>
        new(
            404,
            "reply.invalid_token",
            "この回答用リンクは正しくありません。",
            "開催通知に記載のアドレスを、途中で切れていないか確かめてから開いてください。開けない場合は担当者へご連絡ください。"
        );

    public static PlatformException Used() =>
        new(
            409,
            "reply.token_used",
            "この回答用リンクは使用済みです。",
            "回答は受け付けています。変更がある場合は、開催通知に記載の担当者へご連絡ください。"
        );

    private byte[] Sign(byte[] payload) =>
        _secret is not null ? HMACSHA256.HashData(_secret, payload) : _protector.Protect(SHA256.HashData(payload));

    private bool Verify(byte[] payload, byte[] signature)
    {
        if (_secret is not null)
            return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_secret, payload), signature);
        try
        {
            return CryptographicOperations.FixedTimeEquals(_protector.Unprotect(signature), SHA256.HashData(payload));
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
