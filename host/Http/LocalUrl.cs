using System.Text;

namespace Platform.Host.Http;

/// <summary>
/// The one check for every place the platform sends a browser to a URL it was given (sign-in's <c>returnUrl</c>, the
/// page that moves on after an identity provider): only a path of this host. Browsers drop tabs and line breaks, read
/// <c>\</c> as <c>/</c> and decode some escapes before they resolve a location, so <c>/%09/evil.example</c> or
/// <c>/\evil.example</c> would reach another site; anything that could is refused, and the caller uses its default.
/// </summary>
public static class LocalUrl
{
    private const int MaxLength = 2048;

    /// <summary><paramref name="url"/> if it is a path of this host, otherwise <paramref name="fallback"/>.</summary>
    public static string OrDefault(string? url, string fallback) => Checked(url) ?? fallback;

    /// <summary><paramref name="url"/> if it is a path of this host, otherwise null.</summary>
    public static string? Checked(string? url)
    {
        if (url is null or { Length: 0 or > MaxLength })
            return null;
        // Each decoding is checked too: %2F%2F is // to some browsers and proxies, and %252F%252F one decoding later.
        var form = url;
        for (var round = 0; round < 4; round++)
        {
            if (!IsPlainPath(form))
                return null;
            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(form);
            }
            catch (UriFormatException)
            {
                return null;
            }
            if (decoded == form)
                return Ascii(url);
            form = decoded;
        }
        return null;
    }

    // A Location header holds ASCII only (Kestrel refuses anything else): /aomori/search?q=回覧板 goes out escaped.
    private static string? Ascii(string url)
    {
        if (url.All(char.IsAscii))
            return url;
        var builder = new StringBuilder(url.Length * 3);
        for (var i = 0; i < url.Length; i++)
        {
            if (char.IsAscii(url[i]))
                builder.Append(url[i]);
            else if (char.IsHighSurrogate(url[i]) && i + 1 < url.Length && char.IsLowSurrogate(url[i + 1]))
                builder.Append(Uri.EscapeDataString(url.Substring(i++, 2)));
            else if (char.IsSurrogate(url[i]))
                return null;
            else
                builder.Append(Uri.EscapeDataString(url[i].ToString()));
        }
        return builder.ToString();
    }

    private static bool IsPlainPath(string s)
    {
        if (s.Length == 0 || s[0] != '/')
            return false;
        if (s.Length > 1 && s[1] is '/' or '\\')
            return false;
        foreach (var c in s)
        {
            if (c == '\\' || char.IsWhiteSpace(c) || InvisibleCharacters.Is(c))
                return false;
        }
        return true;
    }
}
