using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Modules;
using Platform.Core.Districts;
using Platform.Core.Home;

namespace Platform.Core;

/// <summary>The shared core's endpoints and pages. Its storage services live in the host's root container (see <c>AddPlatformCore</c>), because the host's own middleware needs them too.</summary>
public sealed class Startup : ModuleStartup
{
    public override void MapEndpoints(IEndpointRouteBuilder tenant)
    {
        HomeEndpoints.Map(tenant);
        DistrictEndpoints.Map(tenant);
    }
}
