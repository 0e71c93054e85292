using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Themes;

namespace Kushiro.OpenData.Api.LinkedData;

/// <summary>Code lists as SKOS concept schemes; a concept lists the goals aligned to it (skos:relatedMatch, reversed).</summary>
public sealed class ThemeDocuments(LinkedDataIris iris, ThemeCatalog themes, string editorialLicence)
{
    public JsonObject Scheme(ThemeScheme s, bool withConcepts = true)
    {
        var self = iris.Scheme(s.Id);
        var source = new JsonObject { ["id"] = LinkedDataIris.Part(self, "source"), ["type"] = "文書型", ["表記"] = s.SourceTitle };
        if (s.SourceUrl is { } url)
        {
            source["url"] = url;
        }
        var node = new JsonObject
        {
            ["id"] = self,
            ["type"] = "ConceptScheme",
            // The codes as literals too (as in ?theme=sdgs:14), so that a query need not take IRIs apart.
            ["identifier"] = s.Id,
            ["prefLabel"] = s.Title,
            ["prefLabelEn"] = s.TitleEn,
            // DCAT-AP asks a catalog's theme taxonomy for a dct:title, beside SKOS's label.
            ["title"] = s.Title,
            ["publisher"] = new JsonObject { ["id"] = LinkedDataIris.Part(self, "publisher"), ["type"] = "組織型", ["表記"] = s.Publisher },
            ["issued"] = s.Issued,
            ["skosNote"] = s.Note,
            ["source"] = source,
        };
        if (withConcepts)
        {
            node["topConcepts"] = new JsonArray([.. s.Concepts.Select(c => (JsonNode)Concept(s, c, withGoals: false))]);
        }
        return node;
    }

    public JsonObject Concept(ThemeScheme s, ThemeConcept c, bool withGoals = true)
    {
        var self = iris.Concept(s.Id, c.Code);
        var node = new JsonObject
        {
            ["id"] = self,
            ["type"] = "Concept",
            ["identifier"] = c.Code,
            ["notation"] = c.Notation,
            ["prefLabel"] = c.Label,
            ["prefLabelEn"] = c.LabelEn,
            ["inScheme"] = iris.Scheme(s.Id),
            // Every concept of these lists is at their top (the scheme says skos:hasTopConcept); SKOS readers look for both.
            ["topConceptOf"] = iris.Scheme(s.Id),
        };
        if (c.Iri is { } publisherIri)
        {
            node["exactMatch"] = publisherIri;
        }
        // As for goals (StrategyDocuments.WithEnglish): a literal cannot say whose it is, so the English label is given
        // once more in a node that does, with this project's licence where the translation is this project's.
        var english = new JsonObject
        {
            ["id"] = LinkedDataIris.Part(self, StrategyDocuments.EnglishLabelFragment),
            ["type"] = "EnglishLabel",
            ["表記En"] = c.LabelEn,
            ["provenance"] = s.LabelEnProvenance,
        };
        if (s.LabelEnProvenance == Kpis.KpiProvenance.Editorial)
        {
            english["license"] = editorialLicence;
        }
        node["englishLabel"] = english;
        if (withGoals)
        {
            var alignments = themes.Alignments.Where(a => a.Scheme == s.Id && a.Code == c.Code).ToList();
            node["alignedGoals"] = StrategyDocuments.Iris(alignments.Select(a => iris.Goal(a.GoalId)));
            // The statements the goals' own documents make (goal → alignment → this concept), so a client reading only
            // this document learns who says so and why, as the JSON of this URL tells it. The same nodes as there, by
            // name: a client merging both documents holds each alignment once.
            node["goalAlignments"] = new JsonArray([.. alignments.Select(a => (JsonNode)new JsonObject
            {
                ["id"] = LinkedDataIris.Alignment(iris.Goal(a.GoalId), s.Id, c.Code),
                ["type"] = "Alignment",
                ["alignmentOf"] = iris.Goal(a.GoalId),
                ["provenance"] = a.Provenance,
                ["rationale"] = a.Rationale,
            })]);
        }
        return node;
    }
}
