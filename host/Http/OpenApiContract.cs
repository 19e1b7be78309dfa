using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;

namespace Platform.Host.Http;

/// <summary>
/// The OpenAPI document vendors generate clients from (<c>/openapi/v1.json</c>): the bearer scheme, which operations
/// need it, and each operation's problem codes by status (<c>x-problem-codes</c>), beside what endpoints describe.
/// </summary>
public static class OpenApiContract
{
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer(
                (document, _, _) =>
                {
                    document.Info.Title = "Sasaeai Platform API";
                    document.Info.Description =
                        "地域支え合い会議・協議体の運営 API / API for running community support meetings";
                    document.Components ??= new OpenApiComponents();
                    document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                    document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "POST /api/auth/token で得たトークン / A token from POST /api/auth/token",
                    };
                    return Task.CompletedTask;
                }
            );
            o.AddOperationTransformer(DescribeSecurityAndProblems);
        });

    private static Task DescribeSecurityAndProblems(
        OpenApiOperation operation,
        OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var problems = metadata.OfType<ProblemCodes>().ToList();
        if (metadata.OfType<RequiredPermission>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(
                new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [],
                }
            );
            problems.Add(new ProblemCodes(401, ["auth.required"]));
            problems.Add(new ProblemCodes(403, ["auth.forbidden"]));
        }
        if (problems.Count == 0)
            return Task.CompletedTask;
        var byStatus = new JsonObject();
        foreach (var group in problems.GroupBy(p => p.Status).OrderBy(g => g.Key))
        {
            var codes = group.SelectMany(p => p.Codes).Distinct().ToList();
            byStatus[group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonArray(
                codes.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()
            );
            operation.Responses ??= new OpenApiResponses();
            var key = group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(key))
                operation.Responses[key] = new OpenApiResponse { Description = string.Join(", ", codes) };
            else if (operation.Responses[key] is OpenApiResponse response)
                response.Description = string.Join(", ", codes);
        }
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-problem-codes"] = new JsonNodeExtension(byStatus);
        return Task.CompletedTask;
    }
}
