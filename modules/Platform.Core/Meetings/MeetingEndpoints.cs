using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Errors;
using Platform.Abstractions.Events;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Core.Accounts;
using Platform.Core.Bodies;
using Platform.Core.Privacy;
using Platform.Core.Records;
using Platform.Core.Storage;
using Platform.Core.Tenancy;

namespace Platform.Core.Meetings;

public sealed record StatusInput(MeetingStatus? Status);

public static class MeetingEndpoints
{
    public static void Map(IEndpointRouteBuilder tenant)
    {
        tenant = tenant.MapGroup("").RequirePermissions(CorePermissions.View, CorePermissions.Manage);
        tenant.MapGet("/api/meeting-kinds", (HttpContext http) => MeetingContext.Kinds(http)).WithTags("Meetings");

        var api = tenant.MapGroup("/api/meetings").WithTags("Meetings");
        api.MapGet("/", async (HttpContext http, string? bodyId, string? districtId, string? from, string? to, MeetingStatus? status,
            MeetingStore meetings, MeetingContext context) =>
        {
            var filter = new MeetingStore.Filter(bodyId, districtId, ReadDate(from, "from", "期間の始め"), ReadDate(to, "to", "期間の終わり"), status);
            return await context.ViewsAsync(http, await meetings.ListAsync(http.Tenant().Id, filter, http.RequestAborted));
        });
        api.MapPost("/", async (HttpContext http, MeetingInput input, MeetingStore meetings, MeetingContext context) =>
        {
            var created = await meetings.CreateAsync(http.Tenant().Id, input, await context.KindsForAsync(http, input.BodyId), check: context.SchedulingRules(http),
                cancellationToken: http.RequestAborted);
            await context.MeetingChangedAsync(http.Tenant().Id, created.BodyId, http.RequestAborted);
            return Results.Created($"/{http.Tenant().Id}/api/meetings/{created.Id}", await context.ViewAsync(http, created));
        });
        api.MapGet("/{meetingId}", async (HttpContext http, string meetingId, MeetingStore meetings, MeetingContext context) =>
            await context.ViewAsync(http, await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted)));
        api.MapPatch("/{meetingId}", async (HttpContext http, string meetingId, MeetingInput input, MeetingStore meetings, MeetingContext context) =>
        {
            var before = await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted);
            var updated = await meetings.UpdateAsync(http.Tenant().Id, meetingId, input, await context.KindsForAsync(http, input.BodyId ?? before.BodyId), http.RequestAborted);
            await context.MeetingChangedAsync(http.Tenant().Id, updated.BodyId, http.RequestAborted);
            if (before.BodyId != updated.BodyId) await context.MeetingChangedAsync(http.Tenant().Id, before.BodyId, http.RequestAborted);
            return await context.ViewAsync(http, updated);
        });
        api.MapPost("/{meetingId}/status", async (HttpContext http, string meetingId, StatusInput input, MeetingStore meetings, MeetingContext context,
            BodyStore bodies, IGrainFactory grains, IEventPublisher events, TimeProvider time) =>
        {
            var tenantId = http.Tenant().Id;
            await meetings.GetAsync(tenantId, meetingId, http.RequestAborted);
            if (input.Status is not { } status)
                throw new ValidationErrors().Add("status", "meeting.status_required", "状態を指定してください。").ToException();
            var updated = await meetings.SetStatusAsync(tenantId, meetingId, status, Clock.TodayInJapan(time), http.RequestAborted);
            await grains.GetGrain<IMeetingGrain>(MeetingGrainKey.For(tenantId, meetingId)).Refresh();
            await context.MeetingChangedAsync(tenantId, updated.BodyId, http.RequestAborted);
            var body = await bodies.GetAsync(tenantId, updated.BodyId, http.RequestAborted);
            await events.PublishAsync(new MeetingStatusChanged(tenantId, meetingId, body.Id, body.DistrictId, status), http.RequestAborted);
            return await context.ViewAsync(http, updated);
        });

        api.MapPost("/{meetingId}/handouts", async (HttpContext http, string meetingId, MeetingStore meetings, HandoutStore handouts) =>
        {
            await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted);
            if (!http.Request.HasFormContentType)
                throw new PlatformException(415, "handout.not_multipart", "ファイルを添付してください。", "multipart/form-data の file 欄で送信してください。");
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var file = form.Files.GetFile("file") ?? throw new ValidationErrors().Add("file", "handout.missing", "ファイルを選んでください。").ToException();
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, http.RequestAborted);
            var level = Enum.TryParse<Sensitivity>(form["sensitivity"], ignoreCase: true, out var l) ? l : (Sensitivity?)null;
            var basis = Enum.TryParse<BasisKind>(form["basisKind"], ignoreCase: true, out var k)
                ? new PersonalBasis(k, form["consentedOn"], form["consentScope"], form["ordinance"]) : null;
            var added = await handouts.AddAsync(http.Tenant().Id, meetingId, file.FileName, file.ContentType, buffer.ToArray(), level, basis, http.RequestAborted);
            return Results.Created($"/{http.Tenant().Id}/api/meetings/{meetingId}/handouts/{added.Id}", added);
        }).DisableAntiforgery().WithMetadata(new RequestBodyLimit(HandoutStore.MaxBytes + 64 * 1024));
        api.MapGet("/{meetingId}/handouts", async (HttpContext http, string meetingId, MeetingStore meetings, Disclosure disclosure) =>
            await disclosure.HandoutsAsync(http, await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted)));
        api.MapGet("/{meetingId}/handouts/{handoutId}", async (HttpContext http, string meetingId, string handoutId, MeetingStore meetings, Disclosure disclosure) =>
        {
            var (handout, content) = await disclosure.HandoutFileAsync(http, await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted), handoutId);
            return Results.File(content, handout.ContentType, handout.FileName);
        });

        tenant.MapGet("/meetings", async (HttpContext http, string? bodyId, MeetingStore meetings, MeetingContext context, BodyStore bodies) =>
            new RazorComponentResult<MeetingsPage>(new
            {
                Tenant = http.Tenant(),
                Bodies = (await bodies.ListAsync(http.Tenant().Id, cancellationToken: http.RequestAborted)).Where(b => b.Status != BodyStatus.Dissolved).ToList(),
                Kinds = MeetingContext.Kinds(http),
                Meetings = await context.ViewsAsync(http, await meetings.ListAsync(http.Tenant().Id, new MeetingStore.Filter(BodyId: bodyId), http.RequestAborted)),
            })).ExcludeFromDescription();
        tenant.MapGet("/meetings/{meetingId}", async (HttpContext http, string meetingId, MeetingStore meetings, MeetingContext context, Disclosure disclosure,
            Organisations.OrganisationStore organisations, BodyStore bodies, Modules.ModuleGate gate, PrivacyStore privacy) =>
        {
            var renderedAt = DateTime.UtcNow.Ticks;
            var meeting = await meetings.GetAsync(http.Tenant().Id, meetingId, http.RequestAborted);
            var body = await bodies.GetAsync(http.Tenant().Id, meeting.BodyId, http.RequestAborted);
            var templates = await RecordEndpoints.TemplatesAsync(http, body.DistrictId, gate);
            var links = await gate.InEffectAsync(http.RequestServices.GetServices<Platform.Abstractions.Navigation.IMeetingNavigation>(), http.Tenant().Id, body.DistrictId);
            var (record, handouts) = await disclosure.RecordAndHandoutsAsync(http, meeting);
            var tenantOrganisations = await organisations.ListAsync(http.Tenant().Id, cancellationToken: http.RequestAborted);
            return new RazorComponentResult<MeetingPage>(new
            {
                Tenant = http.Tenant(),
                Meeting = await context.ViewAsync(http, meeting, body, tenantOrganisations),
                Record = record,
                LastSeq = meeting.RecordSeq,
                RenderedAt = renderedAt,
                Handouts = handouts,
                Pledges = await privacy.PledgesAsync(http.Tenant().Id, meetingId, http.RequestAborted),
                Convening = meeting.Convening,
                Organisations = tenantOrganisations,
                Templates = templates,
                Links = links.SelectMany(l => l.LinksFor(meetingId)).ToList(),
            });
        }).ExcludeFromDescription();
    }

    public static DateOnly? ReadDate(string? text, string field, string label)
    {
        var errors = new ValidationErrors();
        var date = JapaneseDate.Optional(text, errors, field, "request.invalid_date", label);
        errors.ThrowIfAny();
        return date;
    }
}
