using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.Tests.LinkedData;

/// <summary>
/// Every node in the JSON-LD has a name (an IRI; those described only inside another's document a fragment of its
/// owner's). Blank nodes were kept apart by RDF merge: a store loading the 124 documents held goal 1's alignments 12
/// times and each figure's period 3 times (a linked-data consumer's review). Named, a node that two documents describe
/// is one node, so the two must say the same of it.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class NamedNodeTests(SharedApiFactory api)
{
    // One resource of every type the API serves as JSON-LD, lists and the whole-store export included.
    private static readonly string[] Resources =
    [
        "/api/v1/plan", "/api/v1/goals", "/api/v1/goals/1", "/api/v1/goals/4", "/api/v1/measures?limit=200", "/api/v1/measures/1-1",
        "/api/v1/sub-measures?limit=200", "/api/v1/sub-measures/4-2-2", "/api/v1/kpis", "/api/v1/kpis/population-outlook",
        "/api/v1/kpis/population-outlook/observations", "/api/v1/themes", "/api/v1/themes/national", "/api/v1/themes/sdgs/14",
        "/api/v1/themes/national/goal-1", "/api/v1/themes/digiden/theme-4", "/api/v1/catalog.jsonld", "/api/v1/export/jsonld",
    ];

    [Fact]
    public async Task EveryNodeOfEveryDocumentHasAnAbsoluteIri()
    {
        var client = api.CreateClient();
        foreach (var url in Resources)
        {
            foreach (var node in JsonLdNodes.Of(await client.GetJsonLdAsync(url)))
            {
                var id = (string?)node["id"];
                Assert.True(id is not null && Uri.IsWellFormedUriString(id, UriKind.Absolute),
                    $"{url}: a node without an IRI (a blank node): {node.ToJsonString()[..Math.Min(200, node.ToJsonString().Length)]}");
            }
        }
    }

    [Fact]
    public async Task ANodeTwoDocumentsDescribeIsDescribedAlikeInBoth()
    {
        var client = api.CreateClient();
        var seen = new Dictionary<string, (string Url, JsonObject Node)>();
        var describedTwice = 0;
        foreach (var url in Resources)
        {
            foreach (var node in JsonLdNodes.Of(await client.GetJsonLdAsync(url)))
            {
                var id = (string)node["id"]!;
                if (!seen.TryGetValue(id, out var earlier))
                {
                    seen[id] = (url, node);
                    continue;
                }
                describedTwice++;
                foreach (var (key, value) in node)
                {
                    // Each document may say more or less of a node (a concept's page says which goal an alignment is
                    // of, the goal's page which concept); what both say must agree, or a merged graph holds both.
                    // A member that is itself a node, or a list of them, is compared as nodes on their own; types add
                    // up (the catalog's publisher is also a foaf:Agent, and the plan's type stays the string v1 gave).
                    if (key != "type" && earlier.Node[key] is { } before && !HoldsNodes(value) && !HoldsNodes(before))
                    {
                        Assert.True(JsonNode.DeepEquals(before, value), $"{id} {key}: {earlier.Url} says {before.ToJsonString()}, {url} says {value?.ToJsonString()}");
                    }
                }
            }
        }
        // Not a comparison of nothing: the export repeats each resource's nodes, by the same names.
        var export = JsonLdNodes.Of(await client.GetJsonLdAsync("/api/v1/export/jsonld")).Select(n => (string)n["id"]!).ToHashSet();
        var goal = JsonLdNodes.Of(await client.GetJsonLdAsync("/api/v1/goals/1")).Select(n => (string)n["id"]!).ToList();
        Assert.Subset(export, goal.ToHashSet());
        Assert.True(describedTwice >= goal.Count, $"{describedTwice} nodes described twice");
    }

    // The review's own example: goal 1's alignment to the national 基本目標1, given in the goal's document and in the
    // concept's, is one node in both, with one rationale.
    [Fact]
    public async Task AGoalsAlignmentAndTheConceptsAccountOfItAreOneNode()
    {
        var client = api.CreateClient();
        var goal = await client.GetJsonLdAsync("/api/v1/goals/1");
        var concept = await client.GetJsonLdAsync("/api/v1/themes/national/goal-1");

        var fromGoal = goal["alignments"]!.AsArray().Single(a => (string?)a!["concept"] == "http://localhost/id/scheme/national/goal-1")!;
        var fromConcept = concept["goalAlignments"]!.AsArray().Single(a => (string?)a!["alignmentOf"] == "http://localhost/id/goal/1")!;

        Assert.Equal("http://localhost/id/goal/1#alignment/national/goal-1", (string?)fromGoal["id"]);
        Assert.Equal((string?)fromGoal["id"], (string?)fromConcept["id"]);
        Assert.Equal((string?)fromGoal["rationale"], (string?)fromConcept["rationale"]);
    }

    // A code system many things' codes belong to is one node: minted per owner (…/012068#id/scheme, …/010006#id/scheme,
    // a #statistics/code-list per KPI), a store could join "the same code list" only by its label. The vocabulary
    // document, where its IRI leads, describes it.
    [Theory]
    [InlineData("ID体系型", "localGovernmentCodes", "全国地方公共団体コード")]
    [InlineData("コードリスト型", "governmentStatisticsCodes", "政府統計コード（e-Stat）")]
    public async Task ACodeSystemIsOneNodeThatTheVocabularyDescribes(string type, string term, string label)
    {
        var client = api.CreateClient();
        var named = new HashSet<string>();
        foreach (var url in Resources)
        {
            named.UnionWith(JsonLdNodes.Of(await client.GetJsonLdAsync(url)).Where(n => IsOfType(n, type)).Select(n => (string)n["id"]!));
        }

        Assert.Equal([$"http://localhost/ns#{term}"], named);
        var vocabulary = await client.GetJsonLdAsync("/ns");
        Assert.Equal("http://localhost/ns#", (string?)vocabulary["@context"]!["kod"]);
        var described = vocabulary["@graph"]!.AsArray().Single(n => (string?)n!["@id"] == $"kod:{term}")!;
        Assert.Equal($"ic:{type}", (string?)described["@type"]);
        Assert.Equal(label, (string?)described["ic:表記"]!["@value"]);
    }

    // One type, or several in an array.
    private static bool IsOfType(JsonObject node, string type) =>
        node["type"] is JsonArray types ? types.Any(t => (string?)t == type) : (string?)node["type"] == type;

    private static bool HoldsNodes(JsonNode? value) =>
        value is JsonObject o && !o.ContainsKey("@value") || value is JsonArray a && a.Any(HoldsNodes);
}
