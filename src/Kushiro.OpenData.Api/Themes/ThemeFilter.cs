using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.Themes;

/// <summary>
/// <c>?theme=sdgs:14&amp;theme=fields:energy</c>: concepts of one scheme combine with OR, schemes with AND, tested on
/// each sub-measure's mappings. A goal, measure or KPI matches when at least one sub-measure under it (for a KPI:
/// under what it belongs to) matches the whole filter; the plan's own targets belong to no theme.
/// </summary>
public sealed class ThemeFilter
{
    private readonly Dictionary<string, HashSet<string>> codesByScheme;
    private readonly ThemeCatalog catalog;

    private ThemeFilter(Dictionary<string, HashSet<string>> codesByScheme, ThemeCatalog catalog) =>
        (this.codesByScheme, this.catalog) = (codesByScheme, catalog);

    public bool IsEmpty => codesByScheme.Count == 0;

    /// <returns>The filter, or the message of a 400 naming the first unknown or malformed value.</returns>
    public static (ThemeFilter? Filter, string? Error) Parse(IEnumerable<string>? values, ThemeCatalog catalog)
    {
        var codes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var value in values ?? [])
        {
            // facets takes a comma-separated list, so a theme list written the same way is told how it is written here.
            if (value.Contains(','))
            {
                return (null, $"\"{value}\" is not a theme: give one scheme:code each, theme=sdgs:8&theme=sdgs:9 (in GraphQL, [\"sdgs:8\", \"sdgs:9\"]).");
            }
            if (value.Split(':') is not [var scheme, var code] || scheme.Length == 0 || code.Length == 0)
            {
                return (null, $"\"{value}\" is not a theme{Http.IdSpelling.Hint(value)}: write scheme:code, e.g. sdgs:14.");
            }
            if (catalog.Scheme(scheme) is null)
            {
                return (null, catalog.UnknownScheme(scheme));
            }
            if (catalog.Concept(scheme, code) is null)
            {
                return (null, $"\"{code}\" is not a code of theme scheme \"{scheme}\"{Http.IdSpelling.Hint(code)}.");
            }
            (codes.TryGetValue(scheme, out var set) ? set : codes[scheme] = new(StringComparer.Ordinal)).Add(code);
        }
        return (new ThemeFilter(codes, catalog), null);
    }

    /// <summary>The same filter with one scheme's concepts replaced by one concept: what a facet counts.</summary>
    public ThemeFilter With(string scheme, string code)
    {
        var codes = codesByScheme.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        codes[scheme] = new(StringComparer.Ordinal) { code };
        return new ThemeFilter(codes, catalog);
    }

    public bool Matches(IEnumerable<SubMeasureNode> subMeasures) => IsEmpty || subMeasures.Any(s => Matches(s.Id));

    private bool Matches(string subMeasureId)
    {
        var mapped = catalog.OfSubMeasure(subMeasureId).ToList();
        return codesByScheme.All(e => mapped.Any(m => m.Scheme == e.Key && e.Value.Contains(m.Code)));
    }

    /// <summary>
    /// The sub-measures a goal, measure, sub-measure or KPI covers, for matching and facets. A KPI covers those of
    /// what it belongs to; the plan's own targets cover none.
    /// </summary>
    public static IEnumerable<SubMeasureNode> Under(StrategyGraph graph, string type, string id) => type switch
    {
        "goal" => graph.Goal(id)?.Measures.SelectMany(m => m.SubMeasures) ?? [],
        "measure" => graph.Measure(id)?.SubMeasures ?? [],
        "sub-measure" => graph.SubMeasure(id) is { } s ? [s] : [],
        "kpi" => graph.Kpi(id)?.Kpi is { } k
            ? k.MeasureId is { } measure ? Under(graph, "measure", measure) : k.GoalId is { } goal ? Under(graph, "goal", goal) : []
            : [],
        _ => [],
    };
}
