using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Records;
using Platform.Core.Accounts;
using Platform.Core.Privacy;
using Platform.Core.Records;
using Platform.Core.Seeds;

namespace Platform.Core.Sdk;

/// <summary>
/// The SDK's action items over <see cref="ActionRules"/> and <see cref="RecordStore"/>: made and read as the signed-in
/// account of the current request may see the record, as <c>POST /api/meetings/{id}/actions</c> does.
/// </summary>
public sealed class SdkMeetingActions(
    Disclosure disclosure,
    ActionRules rules,
    RecordStore records,
    TimeProvider time,
    IHttpContextAccessor requests
) : IMeetingActions
{
    public async Task<MeetingAction> CreateAsync(
        string tenantId,
        Meeting meeting,
        ActionRequest request,
        CancellationToken cancellationToken = default
    )
    {
        var record = await RecordAsync(tenantId, meeting, cancellationToken);
        var input = new ActionItemInput(request.Title, request.OpinionId, request.OwnerOrganisationId, request.DueDate)
        {
            CommentId = request.CommentId,
        };
        var (action, refusal) = await rules.CheckAsync(
            tenantId,
            meeting,
            input,
            record,
            Clock.TodayInJapan(time),
            cancellationToken
        );
        refusal.ThrowIfAny();
        await records.CreateActionAsync(tenantId, action!, cancellationToken);
        return View(action!);
    }

    public async Task<IReadOnlyList<MeetingAction>> ListAsync(
        string tenantId,
        Meeting meeting,
        CancellationToken cancellationToken = default
    ) => (await RecordAsync(tenantId, meeting, cancellationToken)).Actions.Select(View).ToList();

    private Task<MeetingRecord> RecordAsync(string tenantId, Meeting meeting, CancellationToken cancellationToken)
    {
        var http = requests.HttpContext;
        var audience =
            http?.Account() is { } account ? Audience.Of(account, tenantId)
            : Seeding.Active ? Audience.Seeding
            : Audience.Public;
        return disclosure.RecordAsync(
            tenantId,
            meeting,
            audience,
            http?.Request.Path.Value ?? $"/{tenantId}/meetings/{meeting.Id}",
            cancellationToken
        );
    }

    private static MeetingAction View(ActionItem a) =>
        new(a.Id, a.MeetingId, a.Title, a.CommentId, a.OpinionId, a.OwnerOrganisationId, a.Status == ActionStatus.Open);
}
