using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Abstractions.Http;
using Platform.Core.Grains;
using Platform.Core.Storage;

namespace Platform.Host.Health;

/// <summary>The platform answers: its database's provider.</summary>
public sealed record HealthOk(string Status, string Database);

/// <summary>The platform does not answer: what failed, by the type of its error.</summary>
public sealed record HealthUnavailable(string Status, string Reason);

/// <summary><c>GET /healthz</c>: 200 when the database answers and the silo can activate a grain (which reads the
/// database too).</summary>
public static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", CheckAsync)
            .AllowAnonymous()
            .WithTags("Health")
            .Describe("getHealth", "稼働状態の確認", "Check the platform's health")
            .Produces<HealthUnavailable>(StatusCodes.Status503ServiceUnavailable);

    public static async Task<Results<Ok<HealthOk>, JsonHttpResult<HealthUnavailable>>> CheckAsync(
        Database database,
        IGrainFactory grains,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await using (var connection = await database.OpenAsync(cancellationToken))
                await connection.ExecuteScalarAsync<int>("SELECT 1");
            // "healthz" can never be a tenant slug, so this grain holds no tenant's state.
            await grains
                .GetGrain<ITenantGrain>("healthz")
                .GetEnabledModules()
                .WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return TypedResults.Ok(new HealthOk("ok", database.Provider.ToString()));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Json(
                new HealthUnavailable("unavailable", e.GetType().Name),
                statusCode: StatusCodes.Status503ServiceUnavailable
            );
        }
    }
}
