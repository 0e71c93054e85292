using System.Text.Json;
using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.OpenApi;

namespace Kushiro.OpenData.Api.Tests.Contracts;

/// <summary>
/// The OpenAPI document's whole examples of lists and of a KPI are what a client really gets: the answer to the
/// request each names, on a store fresh from the seed, shown on the schema that request's operation answers with.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class OpenApiExampleTests(SharedApiFactory api)
{
    public static TheoryData<string> Examples() => [.. RealAnswerExamples.All.Select(e => e.Schema)];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task AnExampleIsTheAnswerToItsRequest(string schema)
    {
        var (_, request, answer) = RealAnswerExamples.All.Single(e => e.Schema == schema);
        var served = JsonNode.Parse(await api.CreateClient().GetStringAsync(request))!;
        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACTS") == "1")
        {
            var path = Path.Combine(RepositoryFiles.Root, "src", "Kushiro.OpenData.Api", "OpenApi", "Examples", schema + ".json");
            var file = new JsonObject { ["request"] = request, ["answer"] = served.DeepClone() };
            var options = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            await File.WriteAllTextAsync(path, file.ToJsonString(options) + "\n");
        }
        Assert.True(JsonNode.DeepEquals(answer, served),
            $"The example of {schema} is not the answer to {request}. If the data changed on purpose, run "
            + "`UPDATE_CONTRACTS=1 dotnet test --filter Contracts` twice (the examples are built into the app) and commit both the example and openapi/v1.json.");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task AnExampleIsShownOnTheSchemaItsOperationAnswersWith(string schema)
    {
        var (_, request, answer) = RealAnswerExamples.All.Single(e => e.Schema == schema);
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var path = request.Split('?')[0].Split('/');
        var operation = document["paths"]!.AsObject().Single(p => Matches(p.Key.Split('/'), path)).Value!["get"]!;
        var shown = operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("#/components/schemas/" + schema, (string?)shown["$ref"]);
        Assert.True(JsonNode.DeepEquals(answer, document["components"]!["schemas"]![schema]!["example"]));
    }

    // An item's example is composed from its properties' examples; composed, it had paired the national scheme with the
    // デジ田 strategy's source, and goal 4 with another alignment's rationale (an outside review). Each must be an item
    // of a whole example, which is a real answer.
    [Theory]
    [InlineData("AlignmentResource", "GoalDetail", "alignments")]
    [InlineData("AlignedGoalResource", "ThemeConceptDetail", "goals")]
    [InlineData("SubMeasureThemeResource", "SubMeasureResource", "themes")]
    [InlineData("ThemeConceptResource", "ThemeSchemeDetail", "concepts")]
    [InlineData("KpiFigureResource", "KpiResource", "targets")]
    public async Task AnItemsExampleIsAnItemOfARealAnswer(string item, string whole, string list)
    {
        var schemas = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;
        var example = schemas[item]!["example"];

        Assert.NotNull(example);
        Assert.Contains(schemas[whole]!["example"]![list]!.AsArray(), real => JsonNode.DeepEquals(real, example));
    }

    [Fact]
    public async Task ASchemesSummaryExampleIsItsDetailWithoutTheConcepts()
    {
        var schemas = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;
        var detail = schemas["ThemeSchemeDetail"]!["example"]!.DeepClone().AsObject();
        detail.Remove("concepts");

        Assert.True(JsonNode.DeepEquals(detail, schemas["ThemeSchemeSummary"]!["example"]));
    }

    private static bool Matches(string[] template, string[] path) =>
        template.Length == path.Length && template.Zip(path).All(p => p.First.StartsWith('{') || p.First == p.Second);
}
