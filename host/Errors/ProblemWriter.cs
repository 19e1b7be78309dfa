using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Platform.Abstractions.Errors;
using Platform.Core.Storage;

namespace Platform.Host.Errors;

/// <summary>
/// Turns every failure into RFC 9457 problem+json with a stable <c>code</c> and Japanese text; a browser asking for
/// HTML gets the same message as a page. Nothing else decides what an error looks like.
/// </summary>
public static partial class ProblemWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>Middleware for the errors that are answers, not faults: written without an error log line.</summary>
    public static async Task CatchPlatformExceptions(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (PlatformException problem) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await WriteAsync(context, problem);
        }
    }

    /// <summary>The exception handler, for everything else.</summary>
    public static Task HandleExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var problem = error switch
        {
            PlatformException p => p,
            BadHttpRequestException { InnerException: JsonException json } => MalformedJson(json),
            JsonException json => MalformedJson(json),
            BadHttpRequestException b => new PlatformException(
                b.StatusCode,
                "request.invalid",
                "リクエストが正しくありません。",
                b.Message
            ),
            // The multipart reader's answer to a malformed part (a file name broken over two lines) or to a body cut
            // short. The content type is read as text: Request.HasFormContentType would ask the anti-forgery check
            // again.
            InvalidDataException
            or IOException
                when context.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
                    == true => new PlatformException(
                400,
                "request.malformed_form",
                "送信された内容の形式が正しくありません。",
                "ファイル名や項目の形式を確認して、もう一度送信してください。"
            ),
            _ when StorageFaults.IsUnavailable(error) => StorageUnavailable(context, error!),
            _ when Platform.Core.Clustering.ClusterFaults.IsUnavailable(error) => ClusterUnavailable(context, error!),
            _ => null,
        };
        if (problem is null)
        {
            var logger = context
                .RequestServices.GetRequiredService<ILoggerFactory>()
                .CreateLogger("Platform.Host.Errors");
            LogUnhandled(logger, context.Request.Path, error);
            problem = new PlatformException(
                500,
                "server.error",
                "サーバーで問題が発生しました。",
                "しばらくしてからもう一度お試しください。"
            );
        }
        return WriteAsync(context, problem);
    }

    /// <summary>
    /// A body that is not JSON, or a value of the wrong type or too large for its field (99999999999 for a count): the
    /// field is named when the reader knows it, as a validation error would name it.
    /// </summary>
    private static PlatformException MalformedJson(JsonException json)
    {
        var field =
            json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        return field is null
            ? new PlatformException(
                400,
                "request.malformed_json",
                "JSONの形式が正しくありません。",
                "送信された本文をJSONとして読めませんでした。"
            )
            : new ValidationErrors()
                .Add(field, "request.malformed_json", "値の種類が違うか、大きすぎます。")
                .ToException();
    }

    /// <summary>
    /// The database cannot be reached: the caller is told to try again, and nothing was acknowledged (an answer that
    /// would have said so is held back until the change and its audit row are written).
    /// </summary>
    private static PlatformException StorageUnavailable(HttpContext context, Exception error)
    {
        LogStorageUnavailable(
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Host.Errors"),
            context.Request.Path,
            error.Message
        );
        return new PlatformException(
            503,
            "storage.unavailable",
            "データベースに一時的に接続できません。",
            "この操作は完了していません。しばらくしてからもう一度お試しください。"
        )
        {
            Extensions = { [PlatformException.RetryAfterExtension] = StorageRetryAfterSeconds },
        };
    }

    private const int StorageRetryAfterSeconds = 5;

    /// <summary>
    /// A host of the cluster is gone and its grains are not yet taken over: the caller tries again in a second, when
    /// the membership has usually declared the host dead (see README, "Running several hosts").
    /// </summary>
    private static PlatformException ClusterUnavailable(HttpContext context, Exception error)
    {
        LogClusterUnavailable(
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Host.Errors"),
            context.Request.Path,
            $"{error.GetType().Name}: {error.Message}"
        );
        return new PlatformException(
            503,
            "cluster.unavailable",
            "サーバーの切り替え中です。",
            "この操作は完了していない可能性があります。数秒後にもう一度お試しください（記録画面は自動で再送します）。"
        )
        {
            Extensions = { [PlatformException.RetryAfterExtension] = ClusterRetryAfterSeconds },
        };
    }

    private const int ClusterRetryAfterSeconds = 1;

    /// <summary>
    /// For the answers the framework gives as a bare status (404 for no route, 415 for a body it will not bind, 405…):
    /// the same problem+json with a code as every other refusal. 5xx are left to the exception handler.
    /// </summary>
    public static Task WriteBareStatusAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Response.HasStarted || http.Response.StatusCode is < 400 or >= 500)
            return Task.CompletedTask;
        var problem = http.Response.StatusCode switch
        {
            404 => new PlatformException(
                404,
                "route.not_found",
                "ページが見つかりません。",
                "アドレスを確認してください。"
            ),
            405 => new PlatformException(
                405,
                "request.method_not_allowed",
                "この操作はできません。",
                "このアドレスでは使えない方法（HTTPメソッド）です。"
            ),
            415 => new PlatformException(
                415,
                "request.unsupported_media_type",
                "送信された形式には対応していません。",
                "本文の形式（Content-Type）がこのアドレスでは受け付けられません。APIにはJSON（application/json）で送ってください。"
            ),
            var status => new PlatformException(status, "request.invalid", "リクエストが正しくありません。"),
        };
        return WriteAsync(http, problem);
    }

    public static async Task WriteAsync(HttpContext context, PlatformException problem)
    {
        context.Response.StatusCode = problem.Status;
        AddRetryAfter(context, problem);
        if (WantsHtml(context.Request))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page(problem), Encoding.UTF8);
            return;
        }
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        var document = new Dictionary<string, object?>
        {
            ["type"] = $"https://sasaeai.example/problems/{problem.Code}",
            ["title"] = problem.Title,
            ["status"] = problem.Status,
            ["detail"] = problem.Detail,
            ["code"] = problem.Code,
            ["instance"] = context.Request.Path.Value,
        };
        if (problem.Errors is not null)
            document["errors"] = problem.Errors;
        foreach (var (key, value) in problem.Extensions)
            document[key] = value;
        await context.Response.WriteAsync(JsonSerializer.Serialize(document, Json), Encoding.UTF8);
    }

    /// <summary>A problem that says how many seconds to wait says it in the Retry-After header too, for clients that
    /// read that.</summary>
    public static void AddRetryAfter(HttpContext context, PlatformException problem)
    {
        if (problem.Extensions.TryGetValue(PlatformException.RetryAfterExtension, out var seconds) && seconds is int s)
            context.Response.Headers.RetryAfter = s.ToString(CultureInfo.InvariantCulture);
    }

    private static bool WantsHtml(HttpRequest request) =>
        !request.Path.Value!.Contains("/api/", StringComparison.Ordinal)
        && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.Ordinal) == true);

    private static string Page(PlatformException problem)
    {
        var errors = problem.Errors is null
            ? ""
            : "<ul>"
                + string.Concat(
                    problem.Errors.SelectMany(e => e.Value).Select(m => $"<li>{WebUtility.HtmlEncode(m)}</li>")
                )
                + "</ul>";
        return $"""
            <!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(
                problem.Title
            )}</title>
            <link rel="stylesheet" href="/css/site.css"></head><body><main class="page">
            <h1>{WebUtility.HtmlEncode(problem.Title)}</h1><p>{WebUtility.HtmlEncode(problem.Detail ?? "")}</p>{errors}
            <p class="muted">エラーコード: {WebUtility.HtmlEncode(problem.Code)}（{problem.Status}）</p>
            <p>ブラウザの「戻る」で前のページに戻れます。</p></main></body></html>
            """;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable on {Path}: {Reason}")]
    private static partial void LogStorageUnavailable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster unavailable on {Path}: {Reason}")]
    private static partial void LogClusterUnavailable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, string path, Exception? error);
}
