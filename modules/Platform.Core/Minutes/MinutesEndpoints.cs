using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Meetings;
using Platform.Core.Privacy;
using Platform.Core.Tenancy;

namespace Platform.Core.Minutes;

public static class MinutesEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        tenant.MapGet("/api/meetings/{meetingId}/minutes", async (HttpContext http, string meetingId, string? format, string? encoding, string? version,
            MinutesService minutes, MeetingStore meetings, MeetingContext context) =>
        {
            format = (format ?? "html").ToLowerInvariant();
            // version=public: the public version (公開版) that would be published, for review and for sending outside.
            var audience = version switch
            {
                null or "" => null,
                "public" => Audience.Public,
                _ => throw new ValidationErrors().Add("version", "minutes.unknown_version", "version には public（公開版）だけを指定できます。").ToException(),
            };
            var fileName = Uri.EscapeDataString($"概要_{meetingId}");
            switch (format)
            {
                case "ics":
                    var meeting = await context.ViewAsync(http, await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted));
                    return Results.Text(IcsWriter.Event(http.Tenant(), meeting), "text/calendar; charset=utf-8");
                case "html":
                    return new RazorComponentResult<MinutesDocument>(new { M = await minutes.LoadAsync(http, meetingId, requireHeld: true, audience) });
                case "md":
                    return Results.Text(MinutesMarkdown.Write(await minutes.LoadAsync(http, meetingId, requireHeld: true, audience)), "text/markdown; charset=utf-8");
                case "csv":
                    var cp932 = string.Equals(encoding, "cp932", StringComparison.OrdinalIgnoreCase) || string.Equals(encoding, "shift_jis", StringComparison.OrdinalIgnoreCase);
                    var csv = MinutesCsv.Write(await minutes.LoadAsync(http, meetingId, requireHeld: true, audience), cp932);
                    http.Response.Headers.ContentDisposition = $"attachment; filename=\"minutes.csv\"; filename*=UTF-8''{fileName}.csv";
                    return Results.Bytes(csv, cp932 ? "text/csv; charset=shift_jis" : "text/csv; charset=utf-8");
                case "xlsx":
                    var xlsx = MinutesXlsx.Write(await minutes.LoadAsync(http, meetingId, requireHeld: true, audience));
                    http.Response.Headers.ContentDisposition = $"attachment; filename=\"minutes.xlsx\"; filename*=UTF-8''{fileName}.xlsx";
                    return Results.Bytes(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                default:
                    throw new ValidationErrors().Add("format", "minutes.unknown_format", "形式は html・md・csv・xlsx・ics のいずれかを指定してください。").ToException();
            }
        }).WithTags("Minutes");

        tenant.MapGet("/meetings/{meetingId}/summary", async (HttpContext http, string meetingId, MinutesService minutes) =>
            new RazorComponentResult<MinutesDocument>(new { M = await minutes.LoadAsync(http, meetingId, requireHeld: false) }))
            .ExcludeFromDescription();
    }
}
