using Microsoft.Net.Http.Headers;
using Platform.Abstractions.Errors;

namespace Platform.Host.Http;

/// <summary>
/// JSON is UTF-8 (RFC 8259). A JSON body declared in another charset is refused with 415
/// <c>request.unsupported_charset</c> before anything reads it: the framework would otherwise read it when the
/// charset happens to be registered in the process (Shift_JIS is, once a cp932 CSV has been written) and fail with a
/// server error when it is not, so the same request would be answered differently from one hour to the next.
/// </summary>
public sealed class JsonCharsetMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (
            MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && (
                type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)
            )
            && type.Charset.Value is { Length: > 0 } charset
            && !IsUtf8(charset.Trim('"'))
        )
            throw new PlatformException(
                415,
                "request.unsupported_charset",
                "文字コードに対応していません。",
                $"文字コード「{charset}」の本文は読めません。UTF-8で送ってください。"
            );
        return next(context);
    }

    private static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
