using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Platform.Abstractions.Data;

/// <summary>
/// Ids of rows the platform creates: 16 characters of lower-case base32, random, so that they are unique across
/// tenants (an id never resolves under another tenant's prefix) and cannot be guessed from one another.
/// Seed files may give readable ids instead (<c>aomori-shinjo</c>), following <see cref="Pattern"/>.
/// </summary>
public static partial class Ids
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>What an id looks like: lower-case letters, digits and hyphens, 2–64 characters.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    public static partial Regex Pattern();

    /// <summary>A new random id.</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[16];
        ulong buffer = 0;
        int bits = 0,
            next = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[next++] = Alphabet[(int)((buffer >> bits) & 31)];
            }
        }
        return new string(chars);
    }

    /// <summary>Whether the text may be an id (<see cref="Pattern"/>).</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);
}
