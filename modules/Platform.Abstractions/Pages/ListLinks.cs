namespace Platform.Abstractions.Pages;

/// <summary>Addresses of a list's pages and exports that keep its filters.</summary>
public partial class Pager
{
    /// <summary><paramref name="path"/> with the non-empty filters and, past the first, the page.</summary>
    public static string Link(string path, IReadOnlyDictionary<string, string?> filters, int page = 1)
    {
        var query = filters
            .Where(f => !string.IsNullOrEmpty(f.Value))
            .Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value!)}")
            .Concat(page > 1 ? [$"page={page}"] : [])
            .ToList();
        return query.Count == 0 ? path : $"{path}?{string.Join("&", query)}";
    }

    /// <summary>
    /// A Content-Disposition for a download: the ASCII <paramref name="asciiName"/> for old clients, the Japanese
    /// <paramref name="name"/> (RFC 5987 <c>filename*</c>) for the others.
    /// </summary>
    public static string Attachment(string asciiName, string name) =>
        $"attachment; filename=\"{asciiName}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
}
