using Platform.Abstractions.Errors;

namespace Platform.Host.Errors;

/// <summary>
/// Writes the problems that handlers return (<c>refusal.ToProblem()</c>) the way <see cref="ProblemWriter"/> writes
/// thrown ones, so an API client or a browser cannot tell the two apart.
/// </summary>
public sealed class PlatformProblemDetailsService : IProblemDetailsService
{
    public async ValueTask<bool> TryWriteAsync(ProblemDetailsContext context)
    {
        await WriteAsync(context);
        return true;
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var details = context.ProblemDetails;
        var status = details.Status ?? StatusCodes.Status500InternalServerError;
        var code =
            details.Extensions.TryGetValue(Refusals.CodeExtension, out var c) && c is string s ? s : "request.invalid";
        var errors = details.Extensions.TryGetValue("errors", out var e)
            ? e as IReadOnlyDictionary<string, string[]>
            : null;
        var problem = new PlatformException(
            status,
            code,
            details.Title ?? "リクエストが正しくありません。",
            details.Detail,
            errors
        );
        foreach (var (key, value) in details.Extensions)
            if (key is not Refusals.CodeExtension and not "errors")
                problem.Extensions[key] = value;
        await ProblemWriter.WriteAsync(context.HttpContext, problem);
    }
}
