using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>GraphQL serves the same graph as REST: every goal, measure and sub-measure, field by field.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class GraphQLTreeTests(SharedApiFactory api)
{
    private const string WholeTree = """
        {
          goals {
            id marker title order
            measures {
              id marker title order goal { id }
              subMeasures {
                id marker title description titleAsExtracted descriptionAsExtracted order
                measure { id } goal { id } relistingOf { id } relistedAs { id }
              }
            }
          }
        }
        """;

    [Fact]
    public async Task TreeThroughGraphQLEqualsTreeThroughRestItemByItem()
    {
        var client = api.CreateClient();
        var goals = (await client.PostGraphQLAsync(WholeTree)).Data.GetProperty("goals").EnumerateArray().ToList();
        var restGoals = (await client.GetJsonAsync("/api/v1/goals?limit=200")).Items().ToList();
        var restSubMeasures = (await client.GetJsonAsync("/api/v1/sub-measures?limit=200")).Items().ToDictionary(s => s.Text("id"));

        Assert.Equal(restGoals.Select(g => g.Text("id")), goals.Select(g => g.Text("id")));
        var seenSubMeasures = new List<string>();
        foreach (var (goal, restGoal) in goals.Zip(restGoals))
        {
            AssertSameFields(restGoal, goal, "marker", "title");
            Assert.Equal(restGoal.GetProperty("order").GetInt32(), goal.GetProperty("order").GetInt32());

            var restGoalDetail = await client.GetJsonAsync($"/api/v1/goals/{goal.Text("id")}");
            var measures = goal.GetProperty("measures").EnumerateArray().ToList();
            var restMeasures = restGoalDetail.GetProperty("measures").EnumerateArray().ToList();
            Assert.Equal(restMeasures.Select(m => m.Text("id")), measures.Select(m => m.Text("id")));
            foreach (var (measure, restMeasure) in measures.Zip(restMeasures))
            {
                AssertSameFields(restMeasure, measure, "marker", "title");
                Assert.Equal(restMeasure.GetProperty("order").GetInt32(), measure.GetProperty("order").GetInt32());
                Assert.Equal(restMeasure.Text("goalId"), measure.GetProperty("goal").Text("id"));

                var restMeasureDetail = await client.GetJsonAsync($"/api/v1/measures/{measure.Text("id")}");
                var subMeasures = measure.GetProperty("subMeasures").EnumerateArray().ToList();
                Assert.Equal(
                    restMeasureDetail.GetProperty("subMeasures").EnumerateArray().Select(s => s.Text("id")),
                    subMeasures.Select(s => s.Text("id")));
                foreach (var subMeasure in subMeasures)
                {
                    var rest = restSubMeasures[subMeasure.Text("id")];
                    AssertSameFields(rest, subMeasure, "marker", "title", "description", "titleAsExtracted", "descriptionAsExtracted");
                    Assert.Equal(rest.GetProperty("order").GetInt32(), subMeasure.GetProperty("order").GetInt32());
                    Assert.Equal(rest.Text("measureId"), subMeasure.GetProperty("measure").Text("id"));
                    Assert.Equal(rest.Text("goalId"), subMeasure.GetProperty("goal").Text("id"));
                    Assert.Equal(rest.NullableText("relistingOf"), IdOrNull(subMeasure.GetProperty("relistingOf")));
                    Assert.Equal(
                        rest.GetProperty("relistedAs").EnumerateArray().Select(r => r.GetString()),
                        subMeasure.GetProperty("relistedAs").EnumerateArray().Select(r => r.Text("id")));
                    seenSubMeasures.Add(subMeasure.Text("id"));
                }
            }
        }
        Assert.Equal(restSubMeasures.Keys.Order(), seenSubMeasures.Order());
    }

    [Fact]
    public async Task PlanThroughGraphQLEqualsPlanThroughRest()
    {
        var client = api.CreateClient();
        var plan = (await client.PostGraphQLAsync("""
            { plan { id title status lastModified
                     municipality { localGovernmentCode name prefecture { localGovernmentCode name } }
                     sourceDocument { title publisher fileName sha256 }
                     licence { name url compatibleWith } editorialLicence { name url compatibleWith } } }
            """)).Data.GetProperty("plan");
        var rest = await client.GetJsonAsync("/api/v1/plan");

        AssertSameFields(rest, plan, "id", "title", "status");
        Assert.Equal(rest.GetProperty("lastModified").GetDateTimeOffset(), plan.GetProperty("lastModified").GetDateTimeOffset());
        Assert.Equal("012068", plan.GetProperty("municipality").Text("localGovernmentCode"));
        Assert.Equal(rest.GetProperty("municipality").ToString(), plan.GetProperty("municipality").ToString());
        AssertSameFields(rest.GetProperty("sourceDocument"), plan.GetProperty("sourceDocument"), "title", "publisher", "fileName", "sha256");
        Assert.Equal(rest.GetProperty("licence").ToString(), plan.GetProperty("licence").ToString());
        Assert.Equal(rest.GetProperty("editorialLicence").ToString(), plan.GetProperty("editorialLicence").ToString());
    }

    [Fact]
    public async Task FiltersReturnWhatTheRestFiltersReturn()
    {
        var client = api.CreateClient();
        foreach (var measure in (await client.GetJsonAsync("/api/v1/measures?limit=200")).Items())
        {
            var (measureId, goalId) = (measure.Text("id"), measure.Text("goalId"));
            var data = (await client.PostGraphQLAsync(
                "query($g: ID, $m: ID) { byGoal: subMeasures(goalId: $g) { id } byMeasure: subMeasures(goalId: $g, measureId: $m) { id } measures(goalId: $g) { id } }",
                new { g = goalId, m = measureId })).Data;

            Assert.Equal(await RestIds(client, $"/api/v1/sub-measures?goal={goalId}&limit=200"), Ids(data.GetProperty("byGoal")));
            Assert.Equal(await RestIds(client, $"/api/v1/sub-measures?goal={goalId}&measure={measureId}&limit=200"), Ids(data.GetProperty("byMeasure")));
            Assert.Equal(await RestIds(client, $"/api/v1/measures?goal={goalId}&limit=200"), Ids(data.GetProperty("measures")));
        }
    }

    [Fact]
    public async Task LookupsByIdFollowLinksBothWays()
    {
        var client = api.CreateClient();
        var rest = await client.GetJsonAsync("/api/v1/sub-measures/4-2-2");
        var data = (await client.PostGraphQLAsync(
            "query($id: ID!) { subMeasure(id: $id) { title relistingOf { id relistedAs { id } } measure { id goal { id } } } }",
            new { id = "4-2-2" })).Data.GetProperty("subMeasure");

        Assert.Equal(rest.Text("title"), data.Text("title"));
        Assert.Equal(rest.Text("relistingOf"), data.GetProperty("relistingOf").Text("id"));
        Assert.Contains("4-2-2", data.GetProperty("relistingOf").GetProperty("relistedAs").EnumerateArray().Select(r => r.Text("id")));
        Assert.Equal(rest.Text("measureId"), data.GetProperty("measure").Text("id"));
        Assert.Equal(rest.Text("goalId"), data.GetProperty("measure").GetProperty("goal").Text("id"));
    }

    [Fact]
    public async Task UnknownIdsAreNullForLookupsAndErrorsForFilters()
    {
        var client = api.CreateClient();
        var lookups = (await client.PostGraphQLAsync("""{ goal(id: "9") { id } measure(id: "1-99") { id } subMeasure(id: "x") { id } }""")).Data;
        Assert.All(lookups.EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));

        var filtered = await client.PostGraphQLAsync("""{ subMeasures(measureId: "1-99") { id } }""");
        Assert.Equal(System.Net.HttpStatusCode.OK, filtered.Status);
        Assert.Contains(filtered.ErrorMessages, m => m.Contains("\"1-99\""));
        Assert.Equal(JsonValueKind.Null, filtered.Json.GetProperty("data").GetProperty("subMeasures").ValueKind);
    }

    // A measure under another goal had answered an empty list, as if the goal had none: a slip hidden. REST's 400 says it too.
    [Theory]
    [InlineData("subMeasures", "sub-measures")]
    [InlineData("kpis", "kpis")]
    public async Task AMeasureOfAnotherGoalIsAnErrorNotAnEmptyList(string field, string list)
    {
        var client = api.CreateClient();
        var answer = await client.PostGraphQLAsync($$"""{ {{field}}(goalId: "2", measureId: "1-1") { id } agreeing: {{field}}(goalId: "1", measureId: "1-1") { id } }""");
        Assert.Equal("CONFLICTING_FILTERS", answer.Json.GetProperty("errors")[0].GetProperty("extensions").Text("code"));
        Assert.Equal("Measure \"1-1\" belongs to basic goal \"1\", not \"2\": leave \"goalId\" out, or give \"1\".", Assert.Single(answer.ErrorMessages));
        Assert.Equal(JsonValueKind.Null, answer.Json.GetProperty("data").GetProperty(field).ValueKind);
        Assert.Equal(await RestIds(client, $"/api/v1/{list}?goal=1&measure=1-1&limit=200"), Ids(answer.Json.GetProperty("data").GetProperty("agreeing")));

        var rest = await client.GetJsonAsync($"/api/v1/{list}?measure=1-1&goal=2", System.Net.HttpStatusCode.BadRequest);
        Assert.Equal("Invalid: goal. Measure \"1-1\" belongs to basic goal \"1\", not \"2\": leave \"goal\" out, or give \"1\".", rest.Text("detail"));
    }

    private static void AssertSameFields(JsonElement expected, JsonElement actual, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(expected.NullableText(name) == actual.NullableText(name), $"{name}: REST \"{expected.NullableText(name)}\", GraphQL \"{actual.NullableText(name)}\"");
        }
    }

    private static string? IdOrNull(JsonElement node) => node.ValueKind == JsonValueKind.Null ? null : node.Text("id");

    private static IEnumerable<string> Ids(JsonElement list) => list.EnumerateArray().Select(e => e.Text("id"));

    private static async Task<IEnumerable<string>> RestIds(HttpClient client, string url) =>
        (await client.GetJsonAsync(url)).Items().Select(e => e.Text("id")).ToList();
}
