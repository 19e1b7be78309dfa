namespace Platform.Abstractions.Search;

/// <summary>
/// Something a module found for the search page and <c>/api/search</c>.
/// </summary>
/// <param name="Type">Stable kind, prefixed by nothing: <c>resource</c>.</param>
/// <param name="Id">The thing's id.</param>
/// <param name="Title">Its name as shown.</param>
/// <param name="Text">A line about it (what it offers, its category).</param>
/// <param name="Path">Where to see it, relative to the tenant's root: <c>resources?q=…</c>.</param>
/// <param name="Date">Its date (last confirmed, held), if it has one; shown as 和暦.</param>
/// <param name="DistrictId">Its district, if it has one: the hit is shown only where the module is in effect.</param>
public sealed record SearchSourceHit(
    string Type,
    string Id,
    string Title,
    string Text,
    string Path,
    DateOnly? Date,
    string? DistrictId
);

/// <summary>
/// A module's part of the search (the core searches meetings, records, organisations and people itself). The terms
/// are already folded by <see cref="Text.SearchText.Fold"/>: compare them with text stored folded the same way, each
/// term with <see cref="Text.SearchText.Contains"/> and LIKE … ESCAPE '\'. Every term must occur. A source answers
/// only rows of <c>tenantId</c>, and never residents' personal information (a contact a person did not consent to
/// publish): its hits are shown to every member of staff who may search. The core asks a source only where its
/// module is in effect.
/// </summary>
public interface ISearchSource
{
    /// <summary>At most <paramref name="limit"/> hits for the words, most relevant or newest first.</summary>
    Task<IReadOnlyList<SearchSourceHit>> FindAsync(
        string tenantId,
        IReadOnlyList<string> terms,
        int limit,
        CancellationToken cancellationToken
    );
}
