using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.Abstractions.Http;

/// <summary>
/// What the OpenAPI document says about an operation, which vendors generate their clients from: a stable
/// operation id, a summary in Japanese and English, and the problem codes it may answer with. The host's
/// contract test fails on an API operation that is not described this way.
/// </summary>
public static class EndpointDescription
{
    /// <summary>
    /// Names the operation (<paramref name="operationId"/>, camelCase, never renamed once published) and summarises
    /// it as 「日本語 / English」.
    /// </summary>
    public static RouteHandlerBuilder Describe(
        this RouteHandlerBuilder route,
        string operationId,
        string japanese,
        string english
    ) => route.WithName(operationId).WithSummary($"{japanese} / {english}");

    /// <summary>
    /// Declares a refusal: the HTTP status and the stable <c>code</c> values its problem+json may carry
    /// (e.g. <c>404, "meeting.not_found"</c>). Call once per status.
    /// </summary>
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder route, int status, params string[] codes) =>
        route.ProducesProblem(status).WithMetadata(new ProblemCodes(status, codes));

    /// <summary>Declares that the operation answers with a file of <paramref name="contentType"/> (CSV,
    /// iCalendar…).</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder route, string contentType) =>
        route.Produces<Stream>(StatusCodes.Status200OK, contentType);
}

/// <summary>Endpoint metadata: the problem codes an operation may answer with under one HTTP status.</summary>
public sealed record ProblemCodes(int Status, IReadOnlyList<string> Codes);
