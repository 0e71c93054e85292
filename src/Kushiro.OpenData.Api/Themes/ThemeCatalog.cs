namespace Kushiro.OpenData.Api.Themes;

/// <summary>A code list this project publishes as a SKOS concept scheme (e.g. the national strategy's goals).</summary>
public sealed record ThemeScheme(
    string Id, string Title, string TitleEn, string Publisher, string Issued, string Note, string LabelEnProvenance,
    string SourceTitle, string? SourceUrl, IReadOnlyList<ThemeConcept> Concepts);

/// <summary>One concept of a scheme: its code (stable, in URLs), its notation and labels as its publisher gives them, and the
/// publisher's own IRI for it where one exists (the UN's for the SDGs).</summary>
public sealed record ThemeConcept(string Code, string Notation, string Label, string LabelEn, string? Iri);

/// <summary>A basic goal's alignment to a concept, with who made it (editorial unless the city did) and why.</summary>
public sealed record GoalAlignment(string GoalId, string Scheme, string Code, string Provenance, string Rationale);

/// <summary>A sub-measure's mapping to a concept, with who made it and a one-line rationale.</summary>
public sealed record SubMeasureTheme(string SubMeasureId, string Scheme, string Code, string Provenance, string Rationale);

/// <summary>
/// The code lists and alignments, read from the seed at start and held in memory: small, read on every goal and
/// theme request, and changed only with the seed. Adding a scheme adds a seed file, not code.
/// </summary>
public sealed class ThemeCatalog
{
    private volatile Snapshot current = new([], [], []);

    private sealed record Snapshot(IReadOnlyList<ThemeScheme> Schemes, IReadOnlyList<GoalAlignment> Alignments, IReadOnlyList<SubMeasureTheme> SubMeasureThemes)
    {
        public ILookup<string, SubMeasureTheme> BySubMeasure { get; } = SubMeasureThemes.ToLookup(t => t.SubMeasureId, StringComparer.Ordinal);
    }

    public IReadOnlyList<ThemeScheme> Schemes => current.Schemes;
    public IReadOnlyList<GoalAlignment> Alignments => current.Alignments;
    public IReadOnlyList<SubMeasureTheme> SubMeasureThemes => current.SubMeasureThemes;

    public void Load(IReadOnlyList<ThemeScheme> schemes, IReadOnlyList<GoalAlignment> alignments, IReadOnlyList<SubMeasureTheme> subMeasureThemes) =>
        current = new(schemes, alignments, subMeasureThemes);

    /// <summary>A sub-measure's mappings, in seed order.</summary>
    public IEnumerable<SubMeasureTheme> OfSubMeasure(string subMeasureId) => current.BySubMeasure[subMeasureId];

    public ThemeScheme? Scheme(string id) => Schemes.FirstOrDefault(s => s.Id == id);

    /// <summary>What a client is told about a scheme ID that is not one of these (REST's 400s, GraphQL's errors).</summary>
    public string UnknownScheme(string id) => $"There is no theme scheme \"{id}\"{Http.IdSpelling.Hint(id)} (known: {string.Join(", ", Schemes.Select(s => s.Id))}).";

    public ThemeConcept? Concept(string scheme, string code) => Scheme(scheme)?.Concepts.FirstOrDefault(c => c.Code == code);

    public IEnumerable<GoalAlignment> OfGoal(string goalId) => Alignments.Where(a => a.GoalId == goalId);
}
