using Platform.Abstractions.Districts;
using Platform.Abstractions.Export;
using Platform.Abstractions.Pages;

namespace Platform.Resources.Resources;

/// <summary>
/// The catalogue's filters as the page and its export take them (<c>districtId</c>, <c>categoryId</c>, <c>q</c>,
/// <c>status</c>: found, confirmed, published, ended; <c>page</c>), and its Excel export with the page's columns. The
/// contact is personal information and not on the page: it is not in the export either.
/// </summary>
public sealed record ResourceListQuery(string? DistrictId, string? CategoryId, string? Q, string? Status, string? Page)
{
    public (ResourceStore.Filter Filter, List<string> Notices) Read()
    {
        var notices = new List<string>();
        ResourceStatus? status = null;
        if (Value(Status) is { } text)
        {
            if (Enum.TryParse<ResourceStatus>(text, true, out var s) && Enum.IsDefined(s) && !char.IsDigit(text[0]))
                status = s;
            else
                notices.Add($"状態「{Status}」は読めないため、すべての状態を表示しています。");
        }
        return (new ResourceStore.Filter(Value(DistrictId), Value(CategoryId), Value(Q), status), notices);
    }

    public static IReadOnlyDictionary<string, string?> Links(ResourceStore.Filter filter) =>
        new Dictionary<string, string?>
        {
            ["districtId"] = filter.DistrictId,
            ["categoryId"] = filter.CategoryId,
            ["q"] = filter.Query,
            ["status"] = filter.Status is { } s ? s.ToString().ToLowerInvariant() : null,
        };

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The state of the catalogue's list: filters chosen, the page shown, what was ignored.</summary>
public sealed record ResourceListState(
    ResourceStatus? Status,
    Paging Paging,
    IReadOnlyDictionary<string, string?> Links,
    IReadOnlyList<string> Notices
);

public static class ResourceListXlsx
{
    public static readonly string[] Header = ["名前", "内容", "分類", "地区", "状態", "最終確認"];

    public static byte[] Write(
        IEnumerable<Resource> resources,
        IReadOnlyList<District> districts,
        IReadOnlyList<ResourceCategory> categories
    ) =>
        XlsxTable.Write(
            "お宝",
            Header,
            resources.Select(r =>
                (IReadOnlyList<object?>)
                    [
                        r.Name,
                        r.Details.Offers,
                        categories.FirstOrDefault(c => c.Id == r.CategoryId)?.Name ?? r.CategoryId,
                        districts.FirstOrDefault(d => d.Id == r.DistrictId)?.Name ?? "全域",
                        r.Status.Japanese(),
                        r.LastConfirmed,
                    ]
            )
        );
}
