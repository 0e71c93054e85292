using GraphQL.Validation.Complexity;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// What a query may cost, and how many items each list field is expected to return: the complexity analyzer
/// multiplies child fields by these. They are a little above today's largest counts (4 goals, at most 6 measures
/// per goal, at most 7 sub-measures per measure, 17 measures, 47 sub-measures), so the whole tree with every
/// field fits the budget while a query that walks the tree several times over does not.
/// </summary>
public static class GraphQLLimits
{
    public const double Goals = 5;
    public const double MeasuresPerGoal = 6;
    public const double SubMeasuresPerMeasure = 8;
    public const double RelistingsPerSubMeasure = 1;
    public const double AllMeasures = 20;
    public const double AllSubMeasures = 50;
    public const double KpisPerOwner = 5;
    public const double AllKpis = 50;
    public const double ObservationsPerKpi = 20;

    /// <summary>A sub-measure's theme mappings across the four schemes (at most 8 today).</summary>
    public const double MappingsPerSubMeasure = 10;

    /// <summary>Theme concepts under a goal, measure or KPI, gathered from its sub-measures (a goal has up to 25 today).</summary>
    public const double ConceptsPerItem = 30;

    /// <summary>Concepts in one scheme (the SDGs have 17).</summary>
    public const double ConceptsPerScheme = 20;

    public const double ThemeSchemes = 4;

    /// <summary>Sub-measures mapped to one concept (SDG 8 has 22 today).</summary>
    public const double SubMeasuresPerConcept = 25;

    /// <summary>Results of one search: a little above everything searchable (4 goals, 17 measures, 47 sub-measures, the KPIs).</summary>
    public const double SearchResults = 100;

    /// <summary>
    /// Deepest selection allowed. The full tree with re-listings is 6 levels; IDEs' introspection queries nest
    /// <c>ofType</c> up to 14.
    /// </summary>
    public const int MaxDepth = 15;

    /// <summary>
    /// GraphQL.NET words a depth error "Maximum depth is 19 levels; maximum allowed … is 15", where 19 is the
    /// document's own depth: said here as what it is. The error code stays GraphQL.NET's.
    /// </summary>
    public static Task DepthErrorSaysTheDocumentsDepth(ComplexityValidationContext context)
    {
        if (context.MaxDepth > context.Configuration.MaxDepth)
        {
            context.Error = new global::GraphQL.Validation.Errors.Custom.ComplexityError(
                $"Query is too nested to execute: it nests {context.MaxDepth} levels deep, and this endpoint allows at most {context.Configuration.MaxDepth}.");
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The whole tree with every field, themes, English and the KPIs of every level with all their figures included, is
    /// priced at about 130,000 (each list at its largest count: 240 sub-measures where there are 47, 5 KPIs for each of
    /// 36 owners with 20 observations each where there is one KPI, so KPIs staff add within those counts cost nothing
    /// more): it fits, twice over it does not, and walking the tree a few times over costs millions. Kept close above
    /// it: the price bounds what one request may make the server build and send (a code review measured 7.6 MB of
    /// answer at 200,000, 1.9 MB at the 50,000 before).
    /// </summary>
    public const int MaxComplexity = 150_000;

    /// <summary>Aliased fields per document; a client needs a handful, an amplification attack thousands.</summary>
    public const int MaxAliases = 100;

    /// <summary><c>search</c> fields per document: a page of results is one search, a comparison of terms a few.</summary>
    public const int MaxSearches = 5;

    /// <summary>
    /// Fields and fragment spreads per document, counted as written (before fragments are expanded); bounds the
    /// quadratic overlapping-fields check (250 selections of conflicting fields take about 0.1 s on the Xeon machine,
    /// 400 about 0.25 s). The whole tree with every field is about 140 with a fragment per type (the KPIs' fields once),
    /// about 320 written out, which is refused with a message that says to use fragments; an IDE's introspection is
    /// about 90.
    /// </summary>
    public const int MaxSelections = 250;

    /// <summary>
    /// Fields and fragment spreads once every fragment is expanded: what validation and the complexity analysis walk.
    /// An IDE's introspection query expands to about 300; fragments that spread each other twice over reach millions.
    /// </summary>
    public const int MaxExpandedSelections = 2000;

    public const int MaxDirectives = 50;

    /// <summary>Errors written per response: enough to fix a document, never megabytes of repeats.</summary>
    public const int MaxErrors = 20;

    /// <summary>Characters of GraphQL document accepted; the whole tree with every field is about 2.3 KB with a fragment per type, 2.7 KB written out.</summary>
    public const int MaxDocumentLength = 16 * 1024;

    /// <summary>Bytes of POST body accepted (document plus variables).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Bytes of answer sent (CappedAnswerBuffer.cs): the tree of titles and descriptions is 23 KB, the whole tree with every
    /// field about 150 KB, a KPI of 1,000 long figures about 6 MB;
    /// the price counts items, not the bytes of the texts staff write into them.
    /// </summary>
    public const int MaxAnswerBytes = 16 * 1024 * 1024;

    /// <summary>The request's graph, in the execution's user context, for pricing the lists staff can grow.</summary>
    public const string GraphKey = "kushiro-graph";

    /// <summary>
    /// A list staff can grow (KPIs, their targets and observations; a KPI holds up to 1,000 figures) priced at the
    /// larger of today's bound and what the request's graph holds: priced at 20 observations, 100 aliases of a KPI of
    /// 1,000 long figures had passed the budget and answered 955 MB (a security review).
    /// </summary>
    public static Func<FieldImpactContext, FieldComplexityResult> PricedAtLeast(double bound, Func<Strategy.ReadModel.KpiListSizes, int> held) =>
        context => new FieldComplexityResult(1,
            context.ValidationContext.UserContext.TryGetValue(GraphKey, out var value) && value is Strategy.ReadModel.StrategyGraph graph
                ? Math.Max(bound, held(graph.KpiListSizes))
                : bound);

    /// <summary>
    /// Introspection is priced by the fields selected, not multiplied per list item: its answer is bounded by the
    /// (small, fixed) schema, and IDEs must be able to read it. Aliases still add up.
    /// </summary>
    public static Func<FieldImpactContext, FieldComplexityResult> IntrospectionPricedFlat(Func<FieldImpactContext, FieldComplexityResult> otherFields) =>
        context => context.ParentType.Name.StartsWith("__", StringComparison.Ordinal) || context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
            ? new FieldComplexityResult(1, 1)
            : otherFields(context);
}
