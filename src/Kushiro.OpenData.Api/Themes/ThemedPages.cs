using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Paging;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Themes;

/// <summary>
/// One page of a list that can be filtered by theme and faceted: every list of goals, measures, sub-measures and
/// KPIs goes through here, so the four agree on what <c>theme</c> and <c>facets</c> mean. The items and the mappings
/// come from one snapshot of the read model, the caller's.
/// </summary>
public sealed class ThemedPages(ThemeCatalog catalog)
{
    // kind: what the items are, as ThemeFilter.Under names them ("goal", "kpi"…); idOf gives an item's ID.
    public ActionResult<Page<T>> PageOf<T>(
        ControllerBase controller, StrategyGraph graph, IReadOnlyList<T> items, string kind, Func<T, string> idOf,
        string[]? theme, string? facets, PageQuery page)
    {
        var (filter, themeError) = ThemeFilter.Parse(theme, catalog);
        if (themeError is not null)
        {
            return controller.InvalidParameterProblem("theme", themeError);
        }
        var (schemes, facetsError) = ThemeFacets.Parse(facets, catalog);
        if (facetsError is not null)
        {
            return controller.InvalidParameterProblem("facets", facetsError);
        }
        IEnumerable<SubMeasureNode> Under(T item) => ThemeFilter.Under(graph, kind, idOf(item));
        var matching = filter!.IsEmpty ? items : [.. items.Where(i => filter.Matches(Under(i)))];
        return Page<T>.Create([.. matching.Skip(page.Offset).Take(page.Limit)], matching.Count, page, controller.Request) with
        {
            Facets = ThemeFacets.Count(schemes!, filter, items, Under),
        };
    }
}
