using System.Globalization;
using Platform.Abstractions.Text;

namespace Platform.Abstractions.Pages;

/// <summary>
/// One page of a list: which page, of how many items, so many a page. A list page reads its filtered items, then
/// shows <see cref="Slice{T}"/> with a <see cref="Pager"/> under it (「前へ」「次へ」, 「全N件中 1〜50件」).
/// </summary>
/// <param name="Page">The page shown, from 1; never beyond the last.</param>
/// <param name="Total">How many items the filters leave.</param>
/// <param name="Size">Items a page.</param>
public sealed record Paging(int Page, int Total, int Size = Paging.DefaultSize)
{
    /// <summary>Items a page unless a list says otherwise.</summary>
    public const int DefaultSize = 50;

    /// <summary>How many pages there are (one, even for no items).</summary>
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    /// <summary>The position of the page's first item, from 1 (0 when there are none).</summary>
    public int First => Total == 0 ? 0 : (Page - 1) * Size + 1;

    /// <summary>The position of the page's last item.</summary>
    public int Last => Math.Min(Total, Page * Size);

    /// <summary>全120件中 51〜100件.</summary>
    public string Summary => Total == 0 ? "全0件" : $"全{Total}件中 {First}〜{Last}件";

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Slice<T>(IReadOnlyList<T> items) => items.Skip((Page - 1) * Size).Take(Size).ToList();

    /// <summary>
    /// The page asked for by a query parameter (<c>page=2</c>, also full-width), within the pages there are. What
    /// cannot be read as a page number is not refused: the first page is shown with <paramref name="notice"/> saying
    /// so, as a page (not an API) answers a person who edited an address.
    /// </summary>
    public static Paging Of(string? page, int total, out string? notice, int size = DefaultSize)
    {
        notice = null;
        var number = 1;
        var text = JapaneseText.Normalize(page);
        if (
            text.Length > 0
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1)
        )
        {
            notice = $"ページ番号「{page}」は読めないため、1ページ目を表示しています。";
            number = 1;
        }
        var paging = new Paging(1, total, size);
        return paging with { Page = Math.Min(number, paging.Pages) };
    }
}
