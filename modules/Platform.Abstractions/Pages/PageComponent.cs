using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Abstractions.Pages;

/// <summary>
/// A page that its route renders from one typed model: <c>@inherits PageComponent&lt;CatalogueModel&gt;</c> in the
/// page,
/// <c>PageResult.For&lt;CataloguePage, CatalogueModel&gt;(model)</c> in the route. The compiler checks that the route
/// gives the page what it reads, where parameters passed as an anonymous object are matched by name at run time.
/// </summary>
public abstract class PageComponent<TModel> : ComponentBase
{
    /// <summary>Everything the page shows, built by its route.</summary>
    [Parameter, EditorRequired]
    public TModel Model { get; set; } = default!;
}

/// <summary>Renders a <see cref="PageComponent{TModel}"/> as a route's answer.</summary>
public static class PageResult
{
    /// <summary>The page <typeparamref name="TPage"/> rendered from <paramref name="model"/>.</summary>
    public static RazorComponentResult<TPage> For<TPage, TModel>(TModel model)
        where TPage : PageComponent<TModel> =>
        new(new Dictionary<string, object?> { [nameof(PageComponent<TModel>.Model)] = model });
}
