using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Records;
using Platform.Core.Accounts;
using Platform.Core.Privacy;
using Platform.Core.Records;
using Platform.Core.Seeds;

namespace Platform.Core.Sdk;

/// <summary>
/// The SDK's view of a record, through <see cref="Disclosure"/>: as the signed-in account of the current request may
/// see it; as staff would while a module loads a demo tenant (<see cref="Seeding"/>); else as the public (an event
/// handler, an anonymous page).
/// </summary>
public sealed class SdkMeetingRecords(Disclosure disclosure, IHttpContextAccessor requests) : IMeetingRecords
{
    public async Task<RecordView> ReadAsync(
        string tenantId,
        Meeting meeting,
        CancellationToken cancellationToken = default
    )
    {
        var http = requests.HttpContext;
        var audience =
            http?.Account() is { } account ? Audience.Of(account, tenantId)
            : Seeding.Active ? Audience.Seeding
            : Audience.Public;
        var record = await disclosure.RecordAsync(
            tenantId,
            meeting,
            audience,
            http?.Request.Path.Value ?? $"/{tenantId}/meetings/{meeting.Id}",
            cancellationToken
        );
        return new RecordView(
            record.Agenda.Select(a => new RecordTheme(a.Id, a.Title)).ToList(),
            record
                .Opinions.Select(o => new RecordOpinion(
                    o.Id,
                    o.AgendaItemId,
                    o.Text,
                    o.Kind == OpinionKind.Response,
                    o.Speaker,
                    o.Organisation,
                    o.Sensitivity.IsPersonal(),
                    o.Withheld is not null
                ))
                .ToList(),
            record
                .Comments.Select(c => new RecordComment(
                    c.Id,
                    c.Seq,
                    c.Text,
                    c.Kind == CommentKind.Review,
                    c.Speaker,
                    c.Role,
                    c.Position,
                    c.Withheld is not null
                ))
                .ToList()
        );
    }
}
