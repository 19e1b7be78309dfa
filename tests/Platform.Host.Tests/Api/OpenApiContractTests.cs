using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Testing;

namespace Platform.Host.Tests.Api;

/// <summary>
/// The OpenAPI document is what vendors generate clients from: every operation must have a stable name, a summary in
/// Japanese and English, its request and response types and its problem codes, and the bearer scheme must be declared.
/// </summary>
[RunsLong(40)]
public sealed partial class OpenApiContractTests : PlatformTest
{
    /// <summary>Writes that take no body by design: the path says everything.</summary>
    private static readonly HashSet<string> WritesWithoutBody =
    [
        "POST /{tenant}/api/meetings/{meetingId}/opinions/{opinionId}/resource",
        "POST /{tenant}/api/meetings/{meetingId}/privacy/{itemId}/withdraw",
        "POST /{tenant}/api/privacy/retention/run",
        "POST /api/auth/feed-token",
        "PUT /{tenant}/api/modules/{moduleId}",
        "PUT /{tenant}/api/districts/{districtId}/modules/{moduleId}",
    ];

    /// <summary>Operations that refuse nothing: the health check answers 503 as plain JSON for load
    /// balancers.</summary>
    private static readonly HashSet<string> WithoutProblems = ["GET /healthz"];

    [Fact]
    public async Task Every_operation_is_named_summarised_typed_and_says_its_problems()
    {
        var document = await JsonAsync("/openapi/v1.json");
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());

        var failures = new List<string>();
        var names = new HashSet<string>();
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            // The probe modules are this test project's fixtures, not part of the product.
            if (
                operation.Name is not ("get" or "post" or "put" or "patch" or "delete")
                || path.Name.Contains("/probe-")
            )
                continue;
            var op = operation.Value;
            var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
            var tags = op.TryGetProperty("tags", out var t)
                ? t.EnumerateArray().Select(x => x.GetString()!).ToList()
                : ["(untagged)"];
            operations++;
            failures.AddRange(Check(where, operation.Name, op, names).Select(f => $"{f} [{string.Join(",", tags)}]"));
        }
        Assert.True(operations > 0);
        Assert.True(failures.Count == 0, $"{failures.Count} problem(s):\n" + string.Join("\n", failures));
    }

    private static IEnumerable<string> Check(string where, string method, JsonElement op, HashSet<string> names)
    {
        if (!op.TryGetProperty("operationId", out var id) || id.GetString() is not { Length: > 0 } name)
            yield return $"{where}: no operationId";
        else if (!names.Add(name))
            yield return $"{where}: operationId {name} is used twice";
        else if (!CamelCase().IsMatch(name))
            yield return $"{where}: operationId {name} is not camelCase";
        var summary = op.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : "";
        if (!JapaneseAndEnglish().IsMatch(summary))
            yield return $"{where}: summary is not 「日本語 / English」: {summary}";
        if (
            method is "post" or "put" or "patch"
            && !op.TryGetProperty("requestBody", out _)
            && !WritesWithoutBody.Contains(where)
        )
            yield return $"{where}: a write without a request body";
        var responses = op.GetProperty("responses");
        var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
        if (success.Count == 0)
            yield return $"{where}: no success response";
        foreach (var r in success.Where(r => r.Name != "204"))
            if (
                !r.Value.TryGetProperty("content", out var content)
                || !content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _))
            )
                yield return $"{where}: response {r.Name} has no schema";
        if (!op.TryGetProperty("x-problem-codes", out var problems) || !problems.EnumerateObject().Any())
        {
            if (!WithoutProblems.Contains(where))
                yield return $"{where}: no problem codes";
        }
        else
            foreach (var status in problems.EnumerateObject())
                if (!responses.TryGetProperty(status.Name, out _))
                    yield return $"{where}: problem {status.Name} not among responses";
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]+$")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}].* / .*[A-Za-z]{3}")]
    private static partial Regex JapaneseAndEnglish();
}
