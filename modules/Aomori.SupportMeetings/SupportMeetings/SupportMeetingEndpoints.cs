using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Core.Grains;
using Platform.Core.Modules;
using Platform.Core.Tenancy;

namespace Aomori.SupportMeetings.SupportMeetings;

public static class SupportMeetingEndpoints
{
    public const string ModuleId = "Aomori.SupportMeetings";

    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant.MapGet("/districts/{districtId}/support-meetings", async (HttpContext http, IGrainFactory grains) =>
        {
            var json = await grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(http.Tenant().Id, http.District().Id)).GetSettings(ModuleId);
            var settings = (SupportMeetingSettings)ModuleSettingsBinder.Load(typeof(SupportMeetingSettings), json);
            return new RazorComponentResult<SupportMeetingsPage>(new { Tenant = http.Tenant(), District = http.District(), Settings = settings });
        }).ExcludeFromDescription();
    }
}
