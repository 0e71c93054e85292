using System.Collections;
using Microsoft.AspNetCore.WebUtilities;

namespace Kushiro.OpenData.Api.Paging;

/// <summary>A page of any list, for writers that treat every list alike (CSV, JSON-LD).</summary>
internal interface IPage
{
    IEnumerable Items { get; }

    int Total { get; }

    int Limit { get; }

    int Offset { get; }

    PageLinks Links { get; }
}

/// <summary>One page of a list, in stable ID order.</summary>
public sealed record Page<T> : IPage
{
    /// <summary>The items of this page.</summary>
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>How many items the whole list has (all pages).</summary>
    /// <example>47</example>
    public required int Total { get; init; }

    /// <summary>The page size asked for (default 50, at most 200).</summary>
    /// <example>10</example>
    public required int Limit { get; init; }

    /// <summary>How many items were skipped.</summary>
    /// <example>10</example>
    public required int Offset { get; init; }

    /// <summary>Links to this and neighbouring pages, other parameters kept.</summary>
    public required PageLinks Links { get; init; }

    /// <summary>With <c>?facets=sdgs,fields</c> on a list that has themes: counts per concept of each scheme named; absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, IReadOnlyList<Themes.FacetCount>>? Facets { get; init; }

    IEnumerable IPage.Items => Items;

    internal static Page<T> Create(IReadOnlyList<T> items, int total, PageQuery query, HttpRequest request) => new()
    {
        Items = items,
        Total = total,
        Limit = query.Limit,
        Offset = query.Offset,
        Links = PageLinks.For(request, total, query),
    };
}

/// <summary>Links between the pages of a list; root-relative.</summary>
public sealed record PageLinks
{
    /// <summary>This page.</summary>
    /// <example>/api/v1/sub-measures?limit=10&amp;offset=10</example>
    public required string Self { get; init; }

    /// <summary>The first page.</summary>
    /// <example>/api/v1/sub-measures?limit=10&amp;offset=0</example>
    public required string First { get; init; }

    /// <summary>The previous page, <c>limit</c> items back (from an offset under the limit, offset 0, which then overlaps this page; from past the end, the last page); null on the first.</summary>
    /// <example>/api/v1/sub-measures?limit=10&amp;offset=0</example>
    public required string? Prev { get; init; }

    /// <summary>The next page; null on the last.</summary>
    /// <example>/api/v1/sub-measures?limit=10&amp;offset=20</example>
    public required string? Next { get; init; }

    /// <summary>The last page: where following <c>next</c> from this page ends.</summary>
    /// <example>/api/v1/sub-measures?limit=10&amp;offset=40</example>
    public required string Last { get; init; }

    /// <summary>These links as an RFC 8288 Link header, for representations with no room for them (CSV, JSON-LD; see
    /// <see cref="WithoutJsonOnlyParameters"/>).</summary>
    internal string ToLinkHeader() => string.Join(", ",
        new[] { ("first", First), ("prev", Prev), ("next", Next), ("last", Last) }
            .Where(link => link.Item2 is not null)
            .Select(link => $"<{link.Item2}>; rel=\"{link.Item1}\""));

    internal static PageLinks For(HttpRequest request, int total, PageQuery query) =>
        For(request, total, query.Limit, query.Offset, OtherParameters(request, jsonOnlyKept: true));

    /// <summary>
    /// A page's links for a representation that <see cref="JsonOnlyParameters"/> do not change (CSV, JSON-LD): without
    /// them, so such a list has one set of links, and one ETag, however its JSON was asked for.
    /// </summary>
    internal static PageLinks WithoutJsonOnlyParameters(HttpRequest request, IPage page) =>
        For(request, page.Total, page.Limit, page.Offset, OtherParameters(request, jsonOnlyKept: false));

    private static PageLinks For(HttpRequest request, int total, int limit, int offset, List<KeyValuePair<string, string?>> others)
    {
        var lastOffset = LastOffset(total, limit, offset);
        // The path and the other parameters once for all five links.
        var path = request.PathBase + CanonicalPath.Of(request);
        string At(int o) => Link(path, others, limit, o);
        return new PageLinks
        {
            Self = At(offset),
            First = At(0),
            Prev = offset == 0 ? null : At(Math.Max(0, Math.Min(offset - limit, lastOffset))),
            Next = (long)offset + limit < total ? At(offset + limit) : null,
            Last = At(lastOffset),
        };
    }

    /// <summary>
    /// Where following <c>next</c> from this page ends, so that a pager may stop at <c>self == last</c>: from an offset
    /// that is not a multiple of the limit (3, 13, 23, …) that is not the last page counted from 0. From past the end,
    /// the last page with items on the same steps back; 0 where there is none.
    /// </summary>
    private static int LastOffset(int total, int limit, int offset)
    {
        if (total == 0)
        {
            return 0;
        }
        long last = offset < total
            ? offset + (long)(total - 1 - offset) / limit * limit
            : offset - ((long)offset - total + limit) / limit * limit;
        return (int)Math.Max(0, last);
    }

    /// <summary>
    /// A page's own URL below the path base, spelled as its JSON-LD links spell it: what a JSON-LD list is named by,
    /// so that the page a <c>next</c> link leads to names itself by that link.
    /// </summary>
    internal static string JsonLdPagePath(HttpRequest request, int limit, int offset) =>
        Link(CanonicalPath.Of(request), OtherParameters(request, jsonOnlyKept: false), limit, offset);

    /// <summary>
    /// Parameters that shape a list's JSON alone: <c>facets</c> adds counts, <c>lang</c> English. CSV and JSON-LD carry
    /// no counts and what English there is always, so the same list asked for with or without them is the same.
    /// </summary>
    private static readonly string[] JsonOnlyParameters = ["facets", "lang"];

    /// <remarks>
    /// Canonical: the path as the API spells it (<see cref="CanonicalPath"/>), parameters in name order, names in lower
    /// case, repeated values sorted and named once, <c>limit</c> and <c>offset</c> last. Requests that differ only in
    /// those ways mean the same and get the same links; those that differ only in their query's spelling also share one
    /// output-cache entry, so they must.
    /// </remarks>
    private static string Link(PathString path, IReadOnlyList<KeyValuePair<string, string?>> others, int limit, int offset) =>
        QueryHelpers.AddQueryString(path, others
            .Append(new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    // The canonical query without the page's own parameters.
    private static List<KeyValuePair<string, string?>> OtherParameters(HttpRequest request, bool jsonOnlyKept) =>
        [.. CanonicalQuery(request, jsonOnlyKept).Where(p => p.Key is not ("limit" or "offset"))];

    /// <summary>
    /// The request's query as every request sharing its output-cache entry would write it: parameters in name order,
    /// names in lower case, repeated values sorted, a value repeated once (the filters are sets: <c>theme=sdgs:8</c>
    /// twice is the one filter). Whatever an answer repeats of its own URL must come from this, or the first
    /// request's spelling (<c>?GOAL=2</c>) would be served to all the others.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string?>> CanonicalQuery(HttpRequest request, bool jsonOnlyKept) => request.Query
        .Where(p => jsonOnlyKept || !JsonOnlyParameters.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
        .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
        .SelectMany(p => p.Value.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => new KeyValuePair<string, string?>(p.Key.ToLowerInvariant(), v)));

    /// <summary>
    /// The request's path and query in canonical form (<see cref="CanonicalPath"/>, <see cref="CanonicalQuery"/>), as a
    /// JSON-LD list is named: without <see cref="JsonOnlyParameters"/>.
    /// </summary>
    internal static string JsonLdListUrl(HttpRequest request) =>
        QueryHelpers.AddQueryString(CanonicalPath.Of(request), CanonicalQuery(request, jsonOnlyKept: false));
}
