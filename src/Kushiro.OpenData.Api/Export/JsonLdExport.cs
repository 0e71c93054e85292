using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Catalog;
using Kushiro.OpenData.Api.LinkedData;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Kushiro.OpenData.Api.Themes;

namespace Kushiro.OpenData.Api.Export;

/// <summary>
/// Everything in one JSON-LD document: the plan with its municipality and KPIs, every goal, measure and sub-measure
/// (KPIs embedded where they belong), the code lists and the catalog, as one @graph from one read-model snapshot.
/// </summary>
public static class JsonLdExport
{
    public static JsonObject Build(LinkedDataIris iris, StrategyGraph graph, ThemeCatalog themes, Labels.EnglishLabels labels)
    {
        var kpis = new KpiDocuments(iris, graph.Plan.Id);
        var strategy = new StrategyDocuments(iris, graph, themes, kpis, labels);
        var themeDocuments = new ThemeDocuments(iris, themes, graph.Plan.EditorialLicence.Url);
        var nodes = new List<JsonNode>
        {
            strategy.Plan(),
        };
        nodes.AddRange(graph.Goals.Select(strategy.Goal));
        nodes.AddRange(graph.Measures.Select(strategy.Measure));
        nodes.AddRange(graph.SubMeasures.Select(strategy.SubMeasure));
        nodes.AddRange(themes.Schemes.Select(s => themeDocuments.Scheme(s)));
        nodes.Add(CatalogDocuments.Catalog(iris, CatalogBuilder.Build(graph, themes), themes));
        return new JsonObject { ["@context"] = iris.Context, ["@graph"] = new JsonArray([.. nodes]) };
    }
}
