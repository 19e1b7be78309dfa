using Microsoft.AspNetCore.Http.Features;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;

namespace Platform.Host.Http;

/// <summary>
/// Refuses request bodies above the endpoint's <see cref="RequestBodyLimit"/> (1 MB unless it says otherwise) with
/// 413 <c>request.too_large</c>: a declared length is refused before anything is read, and a chunked body stops being
/// read at the limit.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>()?.Bytes ?? RequestBodyLimit.Default;
        if (context.Request.ContentLength > limit)
            throw TooLarge(limit);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e)
            when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            throw TooLarge(limit);
        }
    }

    private static PlatformException TooLarge(long limit) =>
        new(
            413,
            "request.too_large",
            "送信された内容が大きすぎます。",
            $"1回に送信できるのは{limit / 1024 / 1024}MBまでです。長い文章は分けて入力してください。"
        );
}
