using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Text;

namespace Platform.Core.Web;

/// <summary>
/// What the no-JavaScript edit forms (bodies, organisations, people) share: reading the posted form, and the refusal as
/// messages by field for the page that shows them next to their fields.
/// </summary>
public static class EditForms
{
    /// <summary>The posted form; another body is the sender's mistake (415), not a fault.</summary>
    public static async Task<IFormCollection> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
            throw new PlatformException(
                415,
                "request.unsupported_media_type",
                "送信された形式には対応していません。",
                "編集の画面から保存してください。"
            );
        return await http.Request.ReadFormAsync(cancellationToken);
    }

    /// <summary>A field's text, or null when it is missing or blank.</summary>
    public static string? Text(this IFormCollection form, string field) =>
        form.TryGetValue(field, out var values) && values.LastOrDefault() is { } v && !string.IsNullOrWhiteSpace(v)
            ? v
            : null;

    /// <summary>Every value posted under <paramref name="field"/> (a group of checkboxes).</summary>
    public static List<string> All(this IFormCollection form, string field) =>
        form.TryGetValue(field, out var values) ? [.. values.OfType<string>().Where(v => v.Length > 0)] : [];

    /// <summary>The messages by field of a refusal.</summary>
    public static IReadOnlyDictionary<string, string[]> Messages(ValidationErrors refusal) =>
        refusal.ToException().Errors ?? new Dictionary<string, string[]>();

    /// <summary>A whole number typed in any width (３, 3), or null; <paramref name="ok"/> is false for other text.</summary>
    public static int? Number(this IFormCollection form, string field, out bool ok)
    {
        var text = JapaneseText.Normalize(form.Text(field));
        ok = text.Length == 0 || int.TryParse(text, out _);
        return int.TryParse(text, out var n) ? n : null;
    }
}
