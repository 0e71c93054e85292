using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Validation;
using Kushiro.OpenData.Api.GraphQL.Types;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Kushiro.OpenData.Api.Themes;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>A concept together with its scheme, as the GraphQL concept type resolves it.</summary>
public sealed record ThemeConceptRef(ThemeScheme Scheme, ThemeConcept Concept);

/// <summary>
/// A mapping (sub-measure) or alignment (basic goal) to a concept, with who made it and why: one GraphQL type for
/// both, as REST's sub-measure <c>themes</c> and goal <c>alignments</c> carry the same facts.
/// </summary>
public sealed record ThemeMappingRef(ThemeConceptRef Concept, string Provenance, string Rationale);

/// <summary>
/// What the GraphQL fields need from this app's code lists (per app, like REST): the catalog, the <c>theme</c>
/// argument parsed with REST's rules and messages, and the concepts under an item.
/// </summary>
public static class GraphQLThemes
{
    public const string ThemeArgumentDescription =
        "Only items under these theme concepts, written scheme:code (e.g. \"sdgs:14\"), as REST's ?theme=: concepts of one scheme combine with OR, schemes with AND, tested on each sub-measure's mappings; a goal, measure or KPI matches when a sub-measure under it does. An unknown scheme or code is an error naming it. An empty list, or null, is no filter, as leaving theme out.";

    public static ThemeCatalog Catalog(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<ThemeCatalog>();

    /// <summary>The English of a goal, measure or sub-measure (this app's labels), whatever the request's language.</summary>
    public static Labels.EnglishLabel? English(this IResolveFieldContext context, string level, string id) =>
        context.RequestServices!.GetRequiredService<Labels.EnglishLabels>().For(level, id);

    /// <summary>
    /// Checks the field's <c>theme</c> and <c>scheme</c> arguments while the document is validated, so an unknown
    /// theme is a request error naming it (400 under graphql-response+json, no data), as REST's 400: never an error
    /// in the middle of execution that would null a parent and wipe unrelated data.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> ValidatesThemes<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.ValidateArguments(CheckThemes);

    public static void CheckThemes(FieldArgumentsValidationContext context)
    {
        var catalog = context.RequestServices!.GetRequiredService<ThemeCatalog>();
        if (context.FieldDefinition.Arguments?.Find("theme") is not null
            && Themes.ThemeFilter.Parse(ListArgument(context, "theme"), catalog).Error is { } themeError)
        {
            context.ReportArgumentError("theme", themeError, "INVALID_THEME");
        }
        if (context.FieldDefinition.Arguments?.Find("scheme") is not null
            && context.GetArgument<string?>("scheme") is { } scheme && catalog.Scheme(scheme) is null)
        {
            context.ReportArgumentError("scheme", catalog.UnknownScheme(scheme), "INVALID_THEME");
        }
    }

    /// <summary>A list-of-strings argument while the document is validated: then the parsed list (object items), not yet coerced to string[].</summary>
    public static IEnumerable<string>? ListArgument(FieldArgumentsValidationContext context, string name) =>
        (context.GetArgument<object?>(name) as System.Collections.IEnumerable)?.Cast<object?>().Select(o => o?.ToString() ?? "");

    /// <summary>The <c>theme</c> argument as a filter (empty when absent), already checked by <see cref="ValidatesThemes"/>.</summary>
    public static ThemeFilter ThemeFilter(this IResolveFieldContext context) =>
        Themes.ThemeFilter.Parse(context.GetArgument<string[]?>("theme"), context.Catalog()).Filter!;

    /// <summary>The <c>scheme</c> argument of a <c>themes</c> field (null for all), already checked by <see cref="ValidatesThemes"/>.</summary>
    public static string? SchemeArgument(this IResolveFieldContext context) => context.GetArgument<string?>("scheme");

    public static ThemeConceptRef? ConceptRef(this ThemeCatalog catalog, string scheme, string code) =>
        catalog.Scheme(scheme) is { } s && s.Concepts.FirstOrDefault(c => c.Code == code) is { } c ? new(s, c) : null;

    /// <summary>A sub-measure's mappings, in seed order, of one scheme or all.</summary>
    public static IEnumerable<ThemeMappingRef> MappingsOf(this ThemeCatalog catalog, string subMeasureId, string? scheme) =>
        catalog.OfSubMeasure(subMeasureId)
            .Where(t => scheme is null || t.Scheme == scheme)
            .Select(t => catalog.ConceptRef(t.Scheme, t.Code) is { } c ? new ThemeMappingRef(c, t.Provenance, t.Rationale) : null)
            .OfType<ThemeMappingRef>();

    /// <summary>
    /// The concepts the given sub-measures are mapped to, each once, in scheme and concept order: what a goal,
    /// measure or KPI is "about", and exactly the concepts its <c>theme</c> filter would match it on alone.
    /// </summary>
    public static IEnumerable<ThemeConceptRef> ConceptsUnder(this ThemeCatalog catalog, IEnumerable<SubMeasureNode> subMeasures, string? scheme)
    {
        var mapped = subMeasures.SelectMany(s => catalog.OfSubMeasure(s.Id)).Select(t => (t.Scheme, t.Code)).ToHashSet();
        return catalog.Schemes
            .Where(s => scheme is null || s.Id == scheme)
            .SelectMany(s => s.Concepts.Where(c => mapped.Contains((s.Id, c.Code))).Select(c => new ThemeConceptRef(s, c)));
    }

    /// <summary>
    /// The <c>themes</c> field of a goal, measure or KPI: the concepts gathered from the sub-measures under it. One
    /// definition, so the three describe and price it alike.
    /// </summary>
    public static void ThemesField<T>(this ObjectGraphType<T> type, string what, Func<IResolveFieldContext<T>, IEnumerable<SubMeasureNode>> under) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeConceptType>>>>("themes")
            .Description($"The theme concepts {what} is mapped to through its sub-measures, each once, in scheme and concept order: exactly the concepts each of which, as the only theme filter, finds it.")
            .Argument<IdGraphType>("scheme", "Only concepts of this scheme, e.g. \"sdgs\". An unknown scheme is an error naming it.")
            .ValidatesThemes()
            .Resolve(c => c.Catalog().ConceptsUnder(under(c), c.SchemeArgument()))
            .WithComplexityImpact(1, GraphQLLimits.ConceptsPerItem);
}
