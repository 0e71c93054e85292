namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>
/// A field added to a REST resource reaches GraphQL too, or is listed here with what GraphQL has instead. REST's
/// strategy resources are read from the store and GraphQL's from the in-memory tree, so a field added to one alone
/// would pass every other test (found by a newcomer who added one).
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class GraphQLRestFieldsTests(SharedApiFactory api)
{
    // REST fields GraphQL gives another way: an ID as the object it names, a count as the list itself. Links are REST's.
    private static readonly Dictionary<string, string?> GraphQLInstead = new()
    {
        ["links"] = null,
        ["goalId"] = "goal",
        ["measureId"] = "measure",
        ["observationCount"] = "observations",
        ["counts"] = "goals",
    };

    [Theory]
    [InlineData("/api/v1/plan", "Plan")]
    [InlineData("/api/v1/goals/1", "Goal")]
    [InlineData("/api/v1/measures/1-1", "Measure")]
    [InlineData("/api/v1/sub-measures/4-2-2", "SubMeasure")]
    [InlineData("/api/v1/kpis/population-outlook", "Kpi")]
    public async Task EveryRestFieldHasItsGraphQLField(string url, string type)
    {
        var client = api.CreateClient();
        var rest = (await client.GetJsonAsync(url + "?lang=en")).EnumerateObject().Select(p => p.Name);
        var graphQL = (await client.PostGraphQLAsync($$"""{ __type(name: "{{type}}") { fields { name } } }"""))
            .Data.GetProperty("__type").GetProperty("fields").EnumerateArray().Select(f => f.Text("name")).ToHashSet();

        foreach (var field in rest)
        {
            var given = graphQL.Contains(field) || (GraphQLInstead.TryGetValue(field, out var instead) && (instead is null || graphQL.Contains(instead)));
            Assert.True(given,
                $"{url} has \"{field}\", which GraphQL's {type} lacks: add it there (GraphQL/Types/), or say here what GraphQL has instead.");
        }
    }
}
