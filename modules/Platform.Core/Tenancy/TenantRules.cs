using System.Text.RegularExpressions;

namespace Platform.Core.Tenancy;

/// <summary>What makes a tenant slug and a local government code valid.</summary>
public static partial class TenantRules
{
    /// <summary>Lower-case ASCII, digits and hyphens, 2–32 characters, starting with a letter: it is the URL
    /// prefix.</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]{1,31}$")]
    public static partial Regex Slug();

    /// <summary>Path segments that can never be tenant slugs because the host uses them.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>
    {
        "api",
        "healthz",
        "openapi",
        "admin",
        "css",
        "js",
        "lib",
        "static",
        "favicon.ico",
    };

    public static bool IsValidSlug(string? slug) =>
        slug is not null && Slug().IsMatch(slug) && !Reserved.Contains(slug);

    /// <summary>
    /// The 6-digit 全国地方公共団体コード: five digits and a check digit, (11 − Σ dᵢ·wᵢ mod 11) mod 10 with weights
    /// 6, 5, 4, 3, 2. 青森市 022012 and 宮城県 040002 pass.
    /// </summary>
    public static bool IsValidLocalGovernmentCode(string? code)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
            return false;
        var sum = 0;
        for (var i = 0; i < 5; i++)
            sum += (code[i] - '0') * (6 - i);
        return (11 - sum % 11) % 10 == code[5] - '0';
    }
}
