using Dapper;
using Platform.Core.Grains;
using Platform.Core.Storage;

namespace Platform.Host.Health;

/// <summary><c>GET /healthz</c>: 200 when the database answers and the silo can activate a grain (which reads the database too).</summary>
public static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (Database database, IGrainFactory grains, CancellationToken cancellationToken) =>
        {
            try
            {
                await using (var connection = await database.OpenAsync(cancellationToken))
                    await connection.ExecuteScalarAsync<int>("SELECT 1");
                // "healthz" can never be a tenant slug, so this grain holds no tenant's state.
                await grains.GetGrain<ITenantGrain>("healthz").GetEnabledModules().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
                return Results.Ok(new { status = "ok", database = database.Provider.ToString() });
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return Results.Json(new { status = "unavailable", reason = e.GetType().Name }, statusCode: 503);
            }
        }).AllowAnonymous().WithTags("Health");
    }
}
