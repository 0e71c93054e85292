using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Strategy;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Kushiro.OpenData.Api.Themes;

namespace Kushiro.OpenData.Api.LinkedData;

/// <summary>
/// The strategy as JSON-LD nodes: IMI core terms where IMI has them (表記, 説明, ID/識別値/体系, 組織型, 文書型,
/// コード型), the project vocabulary (kod:) for plans, goals, measures and sub-measures, which IMI lacks.
/// </summary>
public sealed class StrategyDocuments(LinkedDataIris iris, StrategyGraph graph, ThemeCatalog themes, KpiDocuments kpis, Labels.EnglishLabels labels)
{
    public JsonObject Plan()
    {
        var plan = graph.Plan;
        var municipality = Municipality(plan.Municipality);
        return new JsonObject
        {
            ["id"] = iris.Plan(plan.Id),
            ["type"] = new JsonArray("Plan", "文書型"),
            ["ID"] = Identifier(iris.Plan(plan.Id), plan.Id),
            ["表記"] = plan.Title,
            ["status"] = plan.Status,
            ["publisher"] = municipality,
            ["spatial"] = LinkedDataIris.StatisticalArea(plan.Municipality.LocalGovernmentCode),
            ["source"] = new JsonObject
            {
                ["id"] = iris.SourceDocument,
                ["type"] = "文書型",
                ["表記"] = plan.SourceDocument.Title,
                ["publisher"] = iris.LocalGovernment(plan.Municipality.LocalGovernmentCode),
                ["sha256"] = plan.SourceDocument.Sha256,
                ["url"] = iris.Api(ApiLinks.SourceDocument),
            },
            ["license"] = plan.Licence.Url,
            ["rights"] = RightsStatement(LinkedDataIris.Part(iris.Plan(plan.Id), "rights"), $"市の文章は{plan.Licence.Name}（{plan.Licence.Url}）、本プロジェクトによる追加（英語名、対応付け、構造）は{plan.EditorialLicence.Name}（{plan.EditorialLicence.Url}）。"),
            ["modified"] = Http.DateTimeText.Format(graph.DataModified),
            ["goals"] = Iris(graph.Goals.Select(g => iris.Goal(g.Id))),
            ["kpis"] = new JsonArray([.. graph.Kpis.Where(k => k.Kpi.Level == Kpis.KpiLevel.Plan).Select(k => (JsonNode)kpis.Kpi(k))]),
        };
    }

    public JsonObject Goal(GoalNode goal)
    {
        var alignments = themes.OfGoal(goal.Id).ToList();
        return WithEnglish("goal", goal.Id, new JsonObject
        {
            ["id"] = iris.Goal(goal.Id),
            ["type"] = "BasicGoal",
            ["ID"] = Identifier(iris.Goal(goal.Id), goal.Id),
            ["marker"] = goal.Marker,
            ["order"] = goal.Order,
            ["表記"] = goal.Title,
            ["plan"] = iris.Plan(graph.Plan.Id),
            ["measures"] = Iris(goal.Measures.Select(m => iris.Measure(m.Id))),
            ["kpis"] = new JsonArray([.. goal.Kpis.Select(k => (JsonNode)kpis.Kpi(k))]),
            ["alignedWith"] = Iris(alignments.Select(a => iris.Concept(a.Scheme, a.Code))),
            ["alignments"] = Alignments(iris.Goal(goal.Id), alignments.Select(a => (a.Scheme, a.Code, a.Provenance, a.Rationale))),
        });
    }

    public JsonObject Measure(MeasureNode measure) => WithEnglish("measure", measure.Id, new JsonObject
    {
        ["id"] = iris.Measure(measure.Id),
        ["type"] = "Measure",
        ["ID"] = Identifier(iris.Measure(measure.Id), measure.Id),
        ["marker"] = measure.Marker,
        ["order"] = measure.Order,
        ["表記"] = measure.Title,
        ["goal"] = iris.Goal(measure.Goal.Id),
        ["subMeasures"] = Iris(measure.SubMeasures.Select(s => iris.SubMeasure(s.Id))),
        ["kpis"] = new JsonArray([.. measure.Kpis.Select(k => (JsonNode)kpis.Kpi(k))]),
    });

    public JsonObject SubMeasure(SubMeasureNode s)
    {
        var self = iris.SubMeasure(s.Id);
        var node = new JsonObject
        {
            ["id"] = self,
            ["type"] = "SubMeasure",
            ["ID"] = Identifier(self, s.Id),
            ["marker"] = s.Marker,
            ["order"] = s.Order,
            ["表記"] = s.Title,
            ["説明"] = s.Description,
            ["measure"] = iris.Measure(s.Measure.Id),
            ["goal"] = iris.Goal(s.Goal.Id),
            ["relistedAs"] = Iris(s.RelistedAs.Select(r => iris.SubMeasure(r.Id))),
            ["alignedWith"] = Iris(themes.OfSubMeasure(s.Id).Select(t => iris.Concept(t.Scheme, t.Code))),
            ["alignments"] = Alignments(self, themes.OfSubMeasure(s.Id).Select(t => (t.Scheme, t.Code, t.Provenance, t.Rationale))),
        };
        if (s.RelistingOf is { } original)
        {
            node["relistingOf"] = iris.SubMeasure(original.Id);
        }
        if (s.TitleAsExtracted is { } title)
        {
            node["titleAsExtracted"] = title;
        }
        if (s.DescriptionAsExtracted is { } description)
        {
            node["descriptionAsExtracted"] = description;
        }
        return WithEnglish("sub-measure", s.Id, node);
    }

    // A goal's or sub-measure's alignments as nodes: which concept, who says so, and why. Named after the aligned
    // thing and the concept, so that a concept's document (ThemeDocuments) names the same node.
    private JsonArray Alignments(string owner, IEnumerable<(string Scheme, string Code, string Provenance, string Rationale)> alignments) =>
        new([.. alignments.Select(a => (JsonNode)new JsonObject
        {
            ["id"] = LinkedDataIris.Alignment(owner, a.Scheme, a.Code),
            ["type"] = "Alignment",
            ["concept"] = iris.Concept(a.Scheme, a.Code),
            ["provenance"] = a.Provenance,
            ["rationale"] = a.Rationale,
        })]);

    /// <summary>
    /// The English labels as @en strings beside the Japanese (ic:表記 / ic:説明 in both languages), and once more in a
    /// node of their own that says whose they are: this project's translation under its licence, not the city's text
    /// (a literal cannot carry provenance, and the city's Japanese is under another licence).
    /// </summary>
    private JsonObject WithEnglish(string level, string id, JsonObject node)
    {
        if (labels.For(level, id) is { } label)
        {
            var english = new JsonObject
            {
                ["id"] = LinkedDataIris.Part(node["id"]!.GetValue<string>(), EnglishLabelFragment),
                ["type"] = "EnglishLabel",
                ["表記En"] = label.Title,
            };
            node["表記En"] = label.Title;
            if (label.Description is { } description)
            {
                node["説明En"] = description;
                english["説明En"] = description;
            }
            english["provenance"] = Labels.EnglishLabelResource.EditorialProvenance;
            english["license"] = graph.Plan.EditorialLicence.Url;
            node["englishLabel"] = english;
        }
        return node;
    }

    // The fragment of a thing's englishLabel node (ThemeDocuments names a concept's the same way).
    internal const string EnglishLabelFragment = "english-label";

    /// <summary>
    /// A municipality as ic:組織型 with its 全国地方公共団体コード as ID, the e-Stat statistical area it covers
    /// (dct:spatial, and as ic:市区町村コード), and its prefecture (dct:isPartOf). An organisation is not an area,
    /// so the two are linked, never declared the same.
    /// </summary>
    public JsonObject Municipality(MunicipalityNode m)
    {
        var self = iris.LocalGovernment(m.LocalGovernmentCode);
        var prefecture = iris.LocalGovernment(m.Prefecture.LocalGovernmentCode);
        return new()
        {
            ["id"] = self,
            // A string, as published in v1 (a client may read it as one); the catalog adds foaf:Agent, which in RDF only
            // adds a type. Its foaf:name is said here too, so the documents this IRI leads to name it alike.
            ["type"] = "組織型",
            ["表記"] = m.Name,
            ["name"] = m.Name,
            ["ID"] = LocalGovernmentCode(self, m.LocalGovernmentCode),
            // The area codes belong to an address (ic:住所型) in IMI, not to the organisation itself.
            ["住所"] = new JsonObject
            {
                ["id"] = LinkedDataIris.Part(self, "address"),
                ["type"] = "住所型",
                ["市区町村コード"] = MunicipalityCode(m.LocalGovernmentCode),
            },
            ["spatial"] = LinkedDataIris.StatisticalArea(m.LocalGovernmentCode),
            ["isPartOf"] = new JsonObject
            {
                ["id"] = prefecture,
                ["type"] = "組織型",
                ["表記"] = m.Prefecture.Name,
                ["ID"] = LocalGovernmentCode(prefecture, m.Prefecture.LocalGovernmentCode),
                ["住所"] = new JsonObject
                {
                    ["id"] = LinkedDataIris.Part(prefecture, "address"),
                    ["type"] = "住所型",
                    ["都道府県コード"] = PrefectureCode(prefecture, m.Prefecture.LocalGovernmentCode[..2]),
                },
                ["spatial"] = LinkedDataIris.StatisticalArea(m.Prefecture.LocalGovernmentCode),
            },
        };
    }

    // A thing's own ID as an ic:ID型 node, named after the thing (so "#id" of a goal, a KPI, a local government).
    internal static JsonObject Identifier(string owner, string id) => new()
    {
        ["id"] = LinkedDataIris.Part(owner, "id"),
        ["type"] = "ID型",
        ["識別値"] = id,
    };

    // The code system is one node that every local government's ID shares, described in the vocabulary (/ns): named
    // after each owner, a store could not join "the same code system" but by its label.
    private JsonObject LocalGovernmentCode(string owner, string code)
    {
        var node = Identifier(owner, code);
        node["体系"] = new JsonObject { ["id"] = iris.Vocabulary(LocalGovernmentCodes), ["type"] = "ID体系型", ["表記"] = "全国地方公共団体コード" };
        return node;
    }

    /// <summary>The vocabulary's individual for the 全国地方公共団体コード (vocabulary.jsonld names it alike).</summary>
    internal const string LocalGovernmentCodes = "localGovernmentCodes";

    // 都道府県コード: the first two digits of the 全国地方公共団体コード (JIS X 0401).
    private static JsonObject PrefectureCode(string owner, string value) => new()
    {
        ["id"] = LinkedDataIris.Part(owner, "address/prefecture-code"),
        ["type"] = "コード型",
        ["識別値"] = value,
    };

    // 市区町村コード: the first five digits (JIS X 0402 without check digit), which are e-Stat's standard area code, so
    // the code is e-Stat's IRI for it: IMI's address tools write 市区町村コード as that IRI, and data they enriched
    // joins on it. (Their 都道府県コード is the prefecture's five-digit area code, C01000, whose value is not "01"; so
    // that code stays a code of its own.)
    private static JsonObject MunicipalityCode(string localGovernmentCode) => new()
    {
        ["id"] = LinkedDataIris.StatisticalArea(localGovernmentCode),
        ["type"] = "コード型",
        ["識別値"] = localGovernmentCode[..5],
    };

    /// <summary>A dct:RightsStatement, as DCAT-AP has dct:rights (a text alone is not one), named as every node is.</summary>
    internal static JsonObject RightsStatement(string iri, string text) => new() { ["id"] = iri, ["type"] = "RightsStatement", ["label"] = text };

    internal static JsonArray Iris(IEnumerable<string> iris) => new([.. iris.Select(i => (JsonNode)JsonValue.Create(i)!)]);
}
