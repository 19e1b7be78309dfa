using Platform.Abstractions.Errors;
using Platform.Core.Meetings;
using Platform.Core.Organisations;
using Platform.Core.Privacy;

namespace Platform.Core.Records;

/// <summary>
/// The one place where an <see cref="ActionItemInput"/> is checked and turned into an action item:
/// <see cref="RecordStore"/> only writes it.
/// </summary>
public sealed class ActionRules(OrganisationStore organisations)
{
    /// <summary>
    /// The action item that <paramref name="input"/> makes at <paramref name="meeting"/>, or every failing field. It
    /// inherits at least the level (and, if it gives none, the basis) of the opinion it came from, which
    /// <paramref name="record"/> shows as its reader may see it: an opinion withheld from them cannot become one.
    /// </summary>
    public async Task<(ActionItem? Action, ValidationErrors Refusal)> CheckAsync(
        string tenantId,
        Meeting meeting,
        ActionItemInput input,
        MeetingRecord record,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        var title = JapaneseText.Clean(input.Title);
        if (title.Length is 0 or > 400)
            errors.Add("title", "action.invalid_title", "対応事項を400文字以内で入力してください。");
        errors.RefuseInvisible("title", "対応事項", title);
        var opinionId = string.IsNullOrWhiteSpace(input.OpinionId) ? null : input.OpinionId.Trim();
        var source = opinionId is null ? null : record.Opinions.FirstOrDefault(o => o.Id == opinionId);
        if (opinionId is not null && source is null)
            errors.Add("opinionId", "opinion.not_found", "元になった意見がこの会議にありません。");
        else if (source?.Withheld is not null)
            errors.Add(
                "opinionId",
                "privacy.withheld",
                "元になった意見を閲覧する権限がないため、対応事項にできません。"
            );
        var commentId = string.IsNullOrWhiteSpace(input.CommentId) ? null : input.CommentId.Trim();
        var comment = commentId is null ? null : record.Comments.FirstOrDefault(c => c.Id == commentId);
        if (commentId is not null && comment is null)
            errors.Add("commentId", "comment.not_found", "元になったコメントがこの会議にありません。");
        else if (comment?.Withheld is not null)
            errors.Add(
                "commentId",
                "privacy.withheld",
                "元になったコメントを閲覧する権限がないため、対応事項にできません。"
            );
        var inherited = new[] { source?.Sensitivity, comment?.Sensitivity }.Max();
        var wanted = inherited is null || input.Sensitivity > inherited ? input.Sensitivity : inherited;
        var (level, basis) = PersonalBasis.Check(wanted, input.Basis ?? source?.Basis, errors);
        var owner = string.IsNullOrWhiteSpace(input.OwnerOrganisationId) ? null : input.OwnerOrganisationId.Trim();
        if (owner is not null && await organisations.FindAsync(tenantId, owner, cancellationToken) is null)
            errors.Add("ownerOrganisationId", "organisation.not_found", "担当団体が見つかりません。");
        var due = JapaneseDate.Optional(input.DueDate, errors, "dueDate", "action.invalid_date", "期限");
        if (errors.Any)
            return (null, errors);
        return (
            new ActionItem(
                Ids.New(),
                meeting.BodyId,
                meeting.Id,
                opinionId,
                title,
                owner,
                due,
                ActionStatus.Open,
                today,
                null,
                level,
                basis
            )
            {
                CommentId = commentId,
            },
            errors
        );
    }

    /// <summary>
    /// The action item as <paramref name="change"/> corrects it (only what it gives; an empty owner or due date clears
    /// it), or every failing field.
    /// </summary>
    public async Task<(ActionItem? Action, ValidationErrors Refusal)> CheckChangeAsync(
        string tenantId,
        ActionItem action,
        ActionItemChange change,
        CancellationToken cancellationToken
    )
    {
        var errors = new ValidationErrors();
        var title = change.Title is null ? action.Title : JapaneseText.Clean(change.Title);
        if (title.Length is 0 or > 400)
            errors.Add("title", "action.invalid_title", "対応事項を400文字以内で入力してください。");
        errors.RefuseInvisible("title", "対応事項", title);
        var owner = change.OwnerOrganisationId switch
        {
            null => action.OwnerOrganisationId,
            var given when string.IsNullOrWhiteSpace(given) => null,
            var given => given.Trim(),
        };
        if (
            owner is not null
            && owner != action.OwnerOrganisationId
            && await organisations.FindAsync(tenantId, owner, cancellationToken) is null
        )
            errors.Add("ownerOrganisationId", "organisation.not_found", "担当団体が見つかりません。");
        var due = change.DueDate is null
            ? action.DueDate
            : JapaneseDate.Optional(change.DueDate, errors, "dueDate", "action.invalid_date", "期限");
        return errors.Any
            ? (null, errors)
            : (action with { Title = title, OwnerOrganisationId = owner, DueDate = due }, errors);
    }

    /// <summary>The status an action item is to have, or the refusal when none was given.</summary>
    public static (ActionStatus? Status, ValidationErrors Refusal) CheckStatus(ActionStatusInput input)
    {
        var errors = new ValidationErrors();
        if (input.Status is null)
            errors.Add("status", "action.status_required", "状態を指定してください。");
        return (input.Status, errors);
    }
}
