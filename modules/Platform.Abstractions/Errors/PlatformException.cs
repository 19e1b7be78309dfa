namespace Platform.Abstractions.Errors;

/// <summary>
/// An error to show the caller: the host turns it into <c>application/problem+json</c> with <see cref="Code"/>
/// (stable, for machines) and a Japanese <see cref="Title"/> and <see cref="Detail"/> (for people).
/// </summary>
public class PlatformException(
    int status,
    string code,
    string title,
    string? detail = null,
    IReadOnlyDictionary<string, string[]>? errors = null
) : Exception(detail ?? title)
{
    /// <summary>HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>Stable machine code, e.g. <c>module.dependency_disabled</c>.</summary>
    public string Code { get; } = code;

    /// <summary>Short Japanese summary.</summary>
    public string Title { get; } = title;

    /// <summary>Japanese explanation, saying what to do.</summary>
    public string? Detail { get; } = detail;

    /// <summary>Field-by-field validation messages, keyed by camelCase field name.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>The member of <see cref="Extensions"/> (seconds) that the host also sends as the Retry-After
    /// header.</summary>
    public const string RetryAfterExtension = "retryAfter";

    /// <summary>Further members of the problem document, e.g. <c>otherModule</c>.</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();

    /// <summary>A 404 that never says whether the thing exists in another tenant.</summary>
    public static PlatformException NotFound(string code, string what) =>
        new(
            404,
            code,
            $"{what}が見つかりません。",
            $"指定された{what}はありません。アドレスや識別子を確認してください。"
        );

    /// <summary>A 400 listing every failing field.</summary>
    public static PlatformException Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, "validation.failed", "入力内容に誤りがあります。", "各項目のメッセージを確認してください。", errors);
}
