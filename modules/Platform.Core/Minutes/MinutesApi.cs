using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Documents;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Http;
using Platform.Abstractions.Pages;
using Platform.Abstractions.Security;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Meetings;
using Platform.Core.Privacy;

namespace Platform.Core.Minutes;

/// <summary>What a summary (概要) shows: the minutes, and on the public version's review page its approval.</summary>
public sealed record MinutesModel(Minutes Minutes, PublicationState? Approval = null);

/// <summary>A meeting's summary in each of its formats, and its page, <c>/meetings/{meetingId}/summary</c>.</summary>
public static class MinutesApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapMinutesApi(this IEndpointRouteBuilder tenant)
    {
        tenant
            .MapGet("/api/meetings/{meetingId}/minutes", GetMinutes)
            .WithTags("Minutes")
            .RequirePermissions(CorePermissions.View, CorePermissions.Manage)
            .Describe(
                "getMeetingMinutes",
                "会議の概要（HTML・Markdown・CSV・Excel・Word・iCalendar）",
                "A meeting's summary as HTML, Markdown, CSV, Excel, Word or iCalendar"
            )
            .Produces<Stream>(
                StatusCodes.Status200OK,
                "text/html",
                "text/markdown",
                "text/csv",
                Xlsx,
                WordDocument.ContentType,
                "text/calendar"
            )
            .Refuses(400, "minutes.unknown_format", "minutes.unknown_version")
            .Refuses(404, "meeting.not_found")
            .Refuses(409, "minutes.not_held");
    }

    public static void MapMinutesPages(this IEndpointRouteBuilder tenant) =>
        tenant
            .MapGet("/meetings/{meetingId}/summary", SummaryPageAsync)
            .RequirePermission(CorePermissions.View)
            .ExcludeFromDescription();

    /// <summary>
    /// Takes the request for its reader (the summary shows what they may see, and their reading is audited under
    /// its path) and to name a download.
    /// </summary>
    public static async Task<
        Results<RazorComponentResult<MinutesDocument>, ContentHttpResult, FileContentHttpResult, ProblemHttpResult>
    > GetMinutes(
        HttpContext http,
        ITenantContext tenant,
        string meetingId,
        string? format,
        string? encoding,
        string? version,
        MinutesService minutes,
        MeetingStore meetings,
        MeetingContext context,
        CancellationToken cancellationToken
    )
    {
        // version=public: the public version (公開版) that would be published, for review and for sending outside.
        Audience? audience = version switch
        {
            null or "" => http.Audience(),
            "public" => Audience.Public,
            _ => null,
        };
        if (audience is null)
            return Refused("version", "minutes.unknown_version", "version には public（公開版）だけを指定できます。");
        Task<Minutes> LoadAsync() =>
            minutes.LoadAsync(
                tenant.Tenant,
                meetingId,
                audience,
                http.Request.Path,
                requireHeld: true,
                cancellationToken
            );
        var fileName = Uri.EscapeDataString($"概要_{meetingId}");
        switch ((format ?? "html").ToLowerInvariant())
        {
            case "ics":
                var meeting = await meetings.GetAsync(tenant.Tenant.Id, meetingId, cancellationToken);
                var view = await context.ViewAsync(tenant.Tenant.Id, meeting, cancellationToken);
                return TypedResults.Text(IcsWriter.Event(tenant.Tenant, view), "text/calendar; charset=utf-8");
            case "html":
                return PageResult.For<MinutesDocument, MinutesModel>(new MinutesModel(await LoadAsync()));
            case "md":
                return TypedResults.Text(MinutesMarkdown.Write(await LoadAsync()), "text/markdown; charset=utf-8");
            case "csv":
                var cp932 =
                    string.Equals(encoding, "cp932", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(encoding, "shift_jis", StringComparison.OrdinalIgnoreCase);
                var csv = MinutesCsv.Write(await LoadAsync(), cp932);
                Attachment(http, "minutes.csv", $"{fileName}.csv");
                return TypedResults.File(csv, cp932 ? "text/csv; charset=shift_jis" : "text/csv; charset=utf-8");
            case "xlsx":
                var xlsx = MinutesXlsx.Write(await LoadAsync());
                Attachment(http, "minutes.xlsx", $"{fileName}.xlsx");
                return TypedResults.File(xlsx, Xlsx);
            case "docx":
                var docx = MinutesDocx.Write(await LoadAsync());
                Attachment(http, "minutes.docx", $"{fileName}.docx");
                return TypedResults.File(docx, WordDocument.ContentType);
            default:
                return Refused(
                    "format",
                    "minutes.unknown_format",
                    "形式は html・md・csv・xlsx・docx・ics のいずれかを指定してください。"
                );
        }
    }

    /// <summary>Takes the request for its reader, as the summary in HTML does.</summary>
    public static async Task<RazorComponentResult<MinutesDocument>> SummaryPageAsync(
        HttpContext http,
        ITenantContext tenant,
        string meetingId,
        MinutesService minutes,
        CancellationToken cancellationToken
    ) =>
        PageResult.For<MinutesDocument, MinutesModel>(
            new MinutesModel(
                await minutes.LoadAsync(
                    tenant.Tenant,
                    meetingId,
                    http.Audience(),
                    http.Request.Path,
                    requireHeld: false,
                    cancellationToken
                )
            )
        );

    // The ASCII name first, for clients that cannot read the Japanese one.
    private static void Attachment(HttpContext http, string asciiName, string escapedName) =>
        http.Response.Headers.ContentDisposition =
            $"attachment; filename=\"{asciiName}\"; filename*=UTF-8''{escapedName}";

    private static ProblemHttpResult Refused(string field, string code, string message) =>
        new ValidationErrors().Add(field, code, message).ToProblem();
}
