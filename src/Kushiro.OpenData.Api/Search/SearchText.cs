using System.Globalization;
using System.Net;
using System.Text;

namespace Kushiro.OpenData.Api.Search;

/// <summary>
/// Text as the index compares it: NFKC (so full-width ＭＩＣＥ and half-width ｶﾀｶﾅ match their usual forms), then
/// lower case. Japanese has no spaces between words, so matching is by substring, found through a bigram index.
/// </summary>
public static class SearchText
{
    public static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>The query's terms: folded, split at white space (full-width spaces too, after NFKC), duplicates dropped.</summary>
    public static IReadOnlyList<string> Terms(string query) =>
        [.. Fold(query).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// About <paramref name="width"/> characters of <paramref name="original"/> around the first match, every match
    /// wrapped in &lt;mark&gt;, the rest HTML-escaped so the snippet can be shown as HTML as it is.
    /// Positions are found in the folded text; NFKC keeps Japanese text's length, and where it does not (rare
    /// ligatures) the snippet falls back to the original's start.
    /// </summary>
    public static string Snippet(string original, IReadOnlyList<string> terms, int width = 80)
    {
        var folded = Fold(original);
        var comparable = folded.Length == original.Length;
        var spans = comparable ? Matches(folded, terms) : [];
        var first = spans.Count > 0 ? spans[0].Start : 0;
        var start = Math.Max(0, Math.Min(first - width / 4, original.Length - width));
        var end = Math.Min(original.Length, start + width);
        var text = new StringBuilder(start > 0 ? "…" : "");
        var at = start;
        foreach (var (s, length) in spans.Where(m => m.Start >= start && m.Start + m.Length <= end))
        {
            if (s < at)
            {
                continue;
            }
            text.Append(WebUtility.HtmlEncode(original[at..s])).Append("<mark>").Append(WebUtility.HtmlEncode(original.Substring(s, length))).Append("</mark>");
            at = s + length;
        }
        text.Append(WebUtility.HtmlEncode(original[at..end]));
        return end < original.Length ? text.Append('…').ToString() : text.ToString();
    }

    private static List<(int Start, int Length)> Matches(string folded, IReadOnlyList<string> terms) =>
        [.. terms.SelectMany(t => Occurrences(folded, t).Select(i => (Start: i, t.Length))).OrderBy(m => m.Start)];

    public static IEnumerable<int> Occurrences(string text, string term)
    {
        for (var i = text.IndexOf(term, StringComparison.Ordinal); i >= 0; i = text.IndexOf(term, i + Math.Max(1, term.Length), StringComparison.Ordinal))
        {
            yield return i;
        }
    }

    public static string Invariant(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
