using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Platform.Abstractions.Errors;

/// <summary>
/// Turns a refusal into the handler's typed problem answer (<c>Results&lt;Created&lt;T&gt;, ProblemHttpResult&gt;</c>).
/// The host writes it exactly as a thrown <see cref="PlatformException"/>: problem+json with the same <c>code</c>,
/// <c>errors</c> and <c>fieldCodes</c>, or a Japanese page for a browser.
/// </summary>
public static class Refusals
{
    /// <summary>The member of <see cref="ProblemDetails.Extensions"/> that carries the stable code.</summary>
    public const string CodeExtension = "code";

    /// <summary>The problem answer for a refusal.</summary>
    public static ProblemHttpResult ToProblem(this PlatformException refusal)
    {
        var details = new ProblemDetails
        {
            Status = refusal.Status,
            Title = refusal.Title,
            Detail = refusal.Detail,
            Type = $"https://sasaeai.example/problems/{refusal.Code}",
        };
        details.Extensions[CodeExtension] = refusal.Code;
        if (refusal.Errors is not null)
            details.Extensions["errors"] = refusal.Errors;
        foreach (var (key, value) in refusal.Extensions)
            details.Extensions[key] = value;
        return TypedResults.Problem(details);
    }

    /// <summary>The 400 problem answer listing every failing field.</summary>
    public static ProblemHttpResult ToProblem(this ValidationErrors refusal) => refusal.ToException().ToProblem();
}
