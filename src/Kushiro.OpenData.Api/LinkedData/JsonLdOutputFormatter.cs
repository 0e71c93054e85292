using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Catalog;
using Kushiro.OpenData.Api.Kpis;
using Kushiro.OpenData.Api.Paging;
using Kushiro.OpenData.Api.Strategy;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Kushiro.OpenData.Api.Themes;
using Microsoft.AspNetCore.Mvc.Formatters;

namespace Kushiro.OpenData.Api.LinkedData;

/// <summary>
/// Answers <c>Accept: application/ld+json</c> for every resource the REST API serves as JSON: the action's result
/// names what is asked for, and the document is built from the read model with absolute IRIs and the API's own
/// context. A type this formatter does not know is not offered as JSON-LD (the OpenAPI document says which are).
/// </summary>
public sealed class JsonLdOutputFormatter : TextOutputFormatter
{
    private static readonly JsonSerializerOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<Type> Known =
    [
        typeof(PlanResource), typeof(GoalSummary), typeof(GoalDetail), typeof(MeasureSummary), typeof(MeasureDetail),
        typeof(SubMeasureResource), typeof(KpiResource), typeof(KpiFigureResource),
        typeof(ThemeSchemeSummary), typeof(ThemeSchemeDetail), typeof(ThemeConceptDetail), typeof(CatalogResource),
    ];

    public JsonLdOutputFormatter()
    {
        SupportedMediaTypes.Add(JsonLdTemplates.MediaType);
        SupportedEncodings.Add(Encoding.UTF8);
    }

    /// <summary>Whether a response type has a JSON-LD form: a known resource, a page of them, or a list of them.</summary>
    public static bool Supports(Type type) =>
        Known.Contains(type)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Page<>) && Known.Contains(type.GetGenericArguments()[0]))
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && Known.Contains(type.GetGenericArguments()[0]));

    protected override bool CanWriteType(Type? type) => type is not null && Supports(type);

    /// <summary>
    /// When JSON-LD is asked for by name: with no Accept header, or */*, MVC would otherwise pick this first
    /// formatter, and plain JSON is the API's default. And for a wildcard (*/*, application/*) when Accept gives
    /// JSON-LD the highest weight (<c>application/json;q=0.1, */*</c>; <see cref="Http.AcceptedForms"/>).
    /// </summary>
    public override bool CanWriteResult(OutputFormatterCanWriteContext context)
    {
        if (!context.ContentType.HasValue || !CanWriteType(context.ObjectType))
        {
            return false;
        }
        var requested = new MediaType(context.ContentType);
        // MVC tries every range, q=0 ones last, so a named range counts only where Accept allows JSON-LD at all.
        var named = requested.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && requested.SubType.Equals("ld+json", StringComparison.OrdinalIgnoreCase)
            && Http.AcceptedForms.Allows(context.HttpContext.Request, Http.AcceptedForms.JsonLd);
        var wildcard = requested.MatchesAllTypes
            || (requested.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && requested.MatchesAllSubTypes);
        if (!(named || (wildcard && Http.AcceptedForms.JsonLdTakesWildcard(context.HttpContext.Request, context.ObjectType))) || !Http.JsonRequestBody.IsUtf8(requested.Charset))
        {
            return false;
        }
        // A profile (…#compacted, …#expanded) is what RDF tools send; the document is compacted in the API's context,
        // which satisfies both, so the parameter chooses nothing here.
        context.ContentType = new Microsoft.Extensions.Primitives.StringSegment(JsonLdTemplates.MediaType);
        return true;
    }

    public override void WriteResponseHeaders(OutputFormatterWriteContext context)
    {
        base.WriteResponseHeaders(context);
        // A page's neighbours, as CSV gives them: the ItemList itself names only this page.
        if (context.Object is IPage page)
        {
            context.HttpContext.Response.Headers.Link = PageLinks.WithoutJsonOnlyParameters(context.HttpContext.Request, page).ToLinkHeader();
        }
    }

    public override async Task WriteResponseBodyAsync(OutputFormatterWriteContext context, Encoding selectedEncoding)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var graph = await services.GetRequiredService<StrategyReadModel>().GetAsync(http.RequestAborted);
        var iris = LinkedDataIris.For(http);
        var themes = services.GetRequiredService<ThemeCatalog>();
        var kpis = new KpiDocuments(iris, graph.Plan.Id);
        var builder = new Builder(http, iris, graph, new StrategyDocuments(iris, graph, themes, kpis, services.GetRequiredService<Labels.EnglishLabels>()), kpis, new ThemeDocuments(iris, themes, graph.Plan.EditorialLicence.Url), themes);

        var document = JsonLdTemplates.Document(iris, builder.Node(context.Object));
        await JsonSerializer.SerializeAsync(http.Response.Body, document, Writing, http.RequestAborted);
    }

    private sealed record Builder(
        HttpContext Http, LinkedDataIris Iris, StrategyGraph Graph, StrategyDocuments Strategy, KpiDocuments Kpis,
        ThemeDocuments Themes, ThemeCatalog Catalog)
    {
        public JsonObject Node(object? value) => value switch
        {
            PlanResource => Strategy.Plan(),
            GoalSummary g => Strategy.Goal(Graph.Goal(g.Id) ?? throw Missing("goal", g.Id)),
            MeasureSummary m => Strategy.Measure(Graph.Measure(m.Id) ?? throw Missing("measure", m.Id)),
            SubMeasureResource s => Strategy.SubMeasure(Graph.SubMeasure(s.Id) ?? throw Missing("sub-measure", s.Id)),
            KpiResource k => Kpis.Kpi(Graph.Kpi(k.Id) ?? throw Missing("KPI", k.Id)),
            KpiFigureResource f => Kpis.Figure(RouteKpi(), RouteRole(), f),
            ThemeSchemeSummary s => Themes.Scheme(Catalog.Scheme(s.Id) ?? throw Missing("scheme", s.Id), withConcepts: value is ThemeSchemeDetail),
            ThemeConceptDetail c => Themes.Concept(Catalog.Scheme(c.Scheme)!, Catalog.Concept(c.Scheme, c.Code) ?? throw Missing("concept", c.Code)),
            CatalogResource catalog => CatalogDocuments.Catalog(Iris, catalog, Catalog),
            IPage page => List(page.Items.Cast<object>(), page.Total, PageLinks.JsonLdPagePath(Http.Request, page.Limit, page.Offset)),
            System.Collections.IEnumerable list => List(list.Cast<object>(), null, PageLinks.JsonLdListUrl(Http.Request)),
            _ => throw new InvalidOperationException($"No JSON-LD form for {value?.GetType().Name}."),
        };

        /// <summary>
        /// A page or list as a schema:ItemList of full nodes, named by the absolute URL asked for in canonical form: a
        /// page as its self link spells it (limit and offset last, with their values in effect).
        /// </summary>
        private JsonObject List(IEnumerable<object> items, int? total, string rootRelativeUrl)
        {
            var nodes = new JsonArray([.. items.Select(i => (JsonNode)Node(i))]);
            return new JsonObject
            {
                ["id"] = Iris.Api(rootRelativeUrl),
                ["type"] = "ItemList",
                ["numberOfItems"] = total ?? nodes.Count,
                ["itemListElement"] = nodes,
            };
        }

        // Observations are listed under /kpis/{id}/observations: the KPI they belong to is in the route.
        private KpiResource RouteKpi()
        {
            var id = Http.GetRouteValue("id") as string ?? "";
            return Graph.Kpi(id)?.Kpi ?? throw Missing("KPI", id);
        }

        // One figure names its role in the route (/kpis/{id}/targets/2040); the observations list has none.
        private string RouteRole() => KpiFigureRoute.Role(Http.GetRouteValue("role") as string ?? "") ?? KpiFigureRole.Observation;

        // The REST answer came from the store a moment before the read model was consulted; the read model follows
        // a change it met there (Data/ReadsTheStoreAttribute.cs), but a deletion on another instance in between can
        // still leave the two apart. Say so (a 503 to retry) rather than guess.
        private static ReadModelBehindException Missing(string what, string id) =>
            new($"The {what} \"{id}\" changed on the store while this answer was made; retry in a few seconds.");
    }
}
