using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.Search;

/// <summary>What a search can find: a goal, measure, sub-measure or KPI, with its searchable fields.</summary>
public sealed record SearchDocument(string Type, string Id, string Title, IReadOnlyList<SearchField> Fields);

/// <summary>One searchable text of a document and how much a match in it counts.</summary>
public sealed record SearchField(string Name, string Text, double Weight);

/// <summary>A document found, with its score and the field the snippet comes from.</summary>
public sealed record SearchHit(SearchDocument Document, double Score, SearchField Best);

/// <summary>
/// An in-memory bigram index over every goal, measure, sub-measure and KPI, built once per read-model snapshot. A
/// term's bigrams narrow the candidates (no word breaks needed: 子育て is found inside 働きながら子育てしやすい), and a
/// substring check on the folded text confirms each. All terms must match (AND). Scores add each match's field
/// weight (titles count more than descriptions), so more and better-placed matches rank first; ties go by kind
/// (goals, measures, sub-measures, KPIs), then document order.
/// </summary>
public sealed class SearchIndex
{
    private readonly IReadOnlyList<SearchDocument> documents;
    private readonly IReadOnlyList<string[]> folded;
    private readonly Dictionary<string, HashSet<int>> postings = new(StringComparer.Ordinal);

    public SearchIndex(IReadOnlyList<SearchDocument> documents)
    {
        this.documents = documents;
        folded = [.. documents.Select(d => d.Fields.Select(f => SearchText.Fold(f.Text)).ToArray())];
        for (var doc = 0; doc < documents.Count; doc++)
        {
            foreach (var text in folded[doc])
            {
                foreach (var gram in Grams(text))
                {
                    (postings.TryGetValue(gram, out var set) ? set : postings[gram] = []).Add(doc);
                }
            }
        }
    }

    /// <summary>
    /// Every document that matches all terms, best first, under any theme; with <paramref name="relisted"/>, only what
    /// is not a re-listing (再掲) of a sub-measure (false) or only the re-listings (true), as on the lists.
    /// </summary>
    public IReadOnlyList<SearchHit> Find(IReadOnlyList<string> terms, bool? relisted, StrategyGraph graph) =>
        [.. Find(terms).Where(h => KeptBy(h.Document, relisted, graph))];

    /// <summary>
    /// The hits under the theme filter, in their order. Apart from <see cref="Find(IReadOnlyList{string}, bool?, StrategyGraph)"/>,
    /// since REST counts its facets over the hits before the filter.
    /// </summary>
    public static IReadOnlyList<SearchHit> Within(IReadOnlyList<SearchHit> hits, Themes.ThemeFilter filter, StrategyGraph graph) =>
        filter.IsEmpty ? hits : [.. hits.Where(h => filter.Matches(Under(graph, h)))];

    /// <summary>The sub-measures whose themes a hit is under (a KPI: those of what it belongs to), as on the lists.</summary>
    public static IEnumerable<SubMeasureNode> Under(StrategyGraph graph, SearchHit hit) => Themes.ThemeFilter.Under(graph, hit.Document.Type, hit.Document.Id);

    // A goal, a measure or a KPI is no re-listing: relisted=true leaves it out, false keeps it.
    private static bool KeptBy(SearchDocument document, bool? relisted, StrategyGraph graph) =>
        document.Type == "sub-measure" && graph.SubMeasure(document.Id) is { } subMeasure ? subMeasure.KeptBy(relisted) : relisted != true;

    /// <summary>Every document that matches all terms, best first.</summary>
    public IReadOnlyList<SearchHit> Find(IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
        {
            return [];
        }
        // Each term with its other spellings (子供: 子ども, こども); a document matches a term where any of them occurs.
        var spellings = terms.Select(SpellingVariants.Of).ToList();
        IEnumerable<int> candidates = Enumerable.Range(0, documents.Count);
        foreach (var term in spellings)
        {
            // A one-character spelling has no bigram; it is checked by substring on every document (there are few).
            if (term.All(s => s.Length >= 2))
            {
                candidates = candidates.Intersect(term.SelectMany(Containing));
            }
        }
        var hits = new List<(SearchHit Hit, int Order)>();
        foreach (var doc in candidates)
        {
            var score = 0.0;
            var fields = folded[doc].Length;
            var termsIn = new int[fields];
            var scoreIn = new double[fields];
            var allTermsFound = true;
            foreach (var term in spellings)
            {
                var termScore = 0.0;
                for (var f = 0; f < fields; f++)
                {
                    var fieldScore = SearchText.CountOccurrences(folded[doc][f], term) * documents[doc].Fields[f].Weight;
                    termsIn[f] += fieldScore > 0 ? 1 : 0;
                    scoreIn[f] += fieldScore;
                    termScore += fieldScore;
                }
                allTermsFound &= termScore > 0;
                score += termScore;
            }
            if (allTermsFound)
            {
                // The snippet comes from the field that shows the most of the terms (子育て 支援: the description that
                // has both, not the title that has one), then the one where they count most.
                var best = Enumerable.Range(0, fields).MaxBy(f => (termsIn[f], scoreIn[f]));
                hits.Add((new SearchHit(documents[doc], score, documents[doc].Fields[best]), doc));
            }
        }
        return [.. hits.OrderByDescending(h => h.Hit.Score).ThenBy(h => h.Order).Select(h => h.Hit)];
    }

    // English labels are searched too (a reader without Japanese finds "childcare"), a little below Japanese titles.
    private static IEnumerable<SearchField> English(Labels.EnglishLabels labels, string level, string id) =>
        labels.For(level, id) is { } label
            ? [new("titleEn", label.Title, 2), .. label.Description is { } d ? [new SearchField("descriptionEn", d, 1)] : Array.Empty<SearchField>()]
            : [];

    // The documents that hold every bigram of a spelling of two characters or more: the candidates for it.
    private IEnumerable<int> Containing(string spelling) =>
        Grams(spelling).Select(g => postings.GetValueOrDefault(g) ?? []).Aggregate((a, b) => [.. a.Intersect(b)]);

    private static IEnumerable<string> Grams(string text)
    {
        for (var i = 0; i + 2 <= text.Length; i++)
        {
            yield return text.Substring(i, 2);
        }
    }

    /// <summary>The searchable documents of a snapshot, in document order: goals, measures, sub-measures, then KPIs.</summary>
    public static SearchIndex Of(StrategyGraph graph, Labels.EnglishLabels labels) => new(
    [
        .. graph.Goals.Select(g => new SearchDocument("goal", g.Id, g.Title, [new("title", g.Title, 3), .. English(labels, "goal", g.Id)])),
        .. graph.Measures.Select(m => new SearchDocument("measure", m.Id, m.Title, [new("title", m.Title, 3), .. English(labels, "measure", m.Id)])),
        .. graph.SubMeasures.Select(s => new SearchDocument("sub-measure", s.Id, s.Title,
            [new("title", s.Title, 3), new("description", s.Description, 1), .. English(labels, "sub-measure", s.Id)])),
        .. graph.Kpis.Select(k => new SearchDocument("kpi", k.Kpi.Id, k.Kpi.Name, [new("name", k.Kpi.Name, 3), new("definition", k.Kpi.Definition, 1)])),
    ]);
}
