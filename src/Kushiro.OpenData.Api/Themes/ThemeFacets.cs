using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.Themes;

/// <summary>How many items of a list fall under one concept, given the list's other filters.</summary>
public sealed record FacetCount
{
    /// <summary>The concept's code.</summary>
    /// <example>14</example>
    public required string Code { get; init; }

    /// <summary>The concept's notation, as the scheme's publisher gives it.</summary>
    /// <example>SDG 14</example>
    public required string Notation { get; init; }

    /// <summary>The concept's label (Japanese).</summary>
    /// <example>海の豊かさを守ろう</example>
    public required string Label { get; init; }

    /// <summary>The concept's English label (as the concept's <c>labelEn</c>: the UN's short title for the SDGs, this project's translation for the other schemes).</summary>
    /// <example>Life Below Water</example>
    public required string LabelEn { get; init; }

    /// <summary>The list's total with <c>theme={scheme}:{code}</c> in place of any other filter on this scheme.</summary>
    /// <example>1</example>
    public required int Count { get; init; }
}

/// <summary>
/// <c>?facets=sdgs,fields</c>: counts per concept of the named schemes. Each count is the total the list would
/// have with that concept as its filter on the scheme (other schemes' filters kept), so a facet is exactly what a
/// client gets by following it.
/// </summary>
public static class ThemeFacets
{
    /// <returns>
    /// The schemes of a GraphQL list (each item one scheme's ID), or the message of a request error naming the first
    /// item that is not a distinct, known scheme.
    /// </returns>
    public static (IReadOnlyList<ThemeScheme>? Schemes, string? Error) Parse(IReadOnlyList<string> ids, ThemeCatalog catalog)
    {
        var schemes = new List<ThemeScheme>();
        foreach (var id in ids)
        {
            if (catalog.Scheme(id) is not { } scheme)
            {
                return (null, catalog.UnknownScheme(id));
            }
            if (schemes.Contains(scheme))
            {
                return (null, $"\"{id}\" is named twice: name each scheme once.");
            }
            schemes.Add(scheme);
        }
        return (schemes, null);
    }

    /// <returns>The schemes asked for, or the message of a 400 naming an unknown one.</returns>
    public static (IReadOnlyList<ThemeScheme>? Schemes, string? Error) Parse(string? facets, ThemeCatalog catalog)
    {
        if (facets is null)
        {
            return ([], null);
        }
        var ids = facets.Split(',');
        // As strict as theme=: "sdgs,,fields", " fields" or a scheme named twice is a mistake to report, not to guess.
        return ids.Any(id => id.Length == 0 || id.Trim() != id) || ids.Distinct().Count() != ids.Length
            ? (null, $"\"{facets}\" is not a comma-separated list of distinct theme schemes, e.g. sdgs,fields.")
            : Parse(ids, catalog);
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<FacetCount>>? Count<T>(
        IReadOnlyList<ThemeScheme> schemes, ThemeFilter filter, IReadOnlyList<T> items, Func<T, IEnumerable<SubMeasureNode>> under) =>
        schemes.Count == 0
            ? null
            : schemes.ToDictionary(s => s.Id, s => (IReadOnlyList<FacetCount>)[.. s.Concepts.Select(c =>
            {
                var facet = filter.With(s.Id, c.Code);
                return new FacetCount { Code = c.Code, Notation = c.Notation, Label = c.Label, LabelEn = c.LabelEn, Count = items.Count(i => facet.Matches(under(i))) };
            })]);
}
