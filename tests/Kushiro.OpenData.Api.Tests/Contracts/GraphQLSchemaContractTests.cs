using Kushiro.OpenData.Api.Tests.GraphQL;

namespace Kushiro.OpenData.Api.Tests.Contracts;

/// <summary>
/// The served GraphQL schema is the committed openapi/schema.graphql, and it documents itself. A difference
/// means the public contract changed: review it, and if intended rewrite the file with UPDATE_CONTRACTS=1.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class GraphQLSchemaContractTests(SharedApiFactory api)
{
    [Fact]
    public async Task ServedSchemaIsTheCommittedContract()
    {
        var served = await api.CreateClient().GetStringAsync("/graphql/schema.graphql");
        var path = RepositoryFiles.Contract("schema.graphql");
        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACTS") == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }
        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        Assert.True(committed.ReplaceLineEndings("\n") == served,
            "The served GraphQL schema differs from openapi/schema.graphql. If the change is intended, run "
            + "`UPDATE_CONTRACTS=1 dotnet test --filter Contracts` and commit the file; removing or retyping a field breaks clients.");
    }

    [Fact]
    public async Task EveryTypeFieldAndArgumentIsDescribed()
    {
        var answer = await api.CreateClient().PostGraphQLAsync("""
            { __schema { types { name kind description fields { name description args { name description } } } } }
            """);
        var missing = new List<string>();
        foreach (var type in answer.Data.GetProperty("__schema").GetProperty("types").EnumerateArray())
        {
            var name = type.Text("name");
            if (name.StartsWith("__", StringComparison.Ordinal) || type.Text("kind") == "SCALAR")
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(type.NullableText("description")))
            {
                missing.Add(name);
            }
            if (type.GetProperty("fields").ValueKind != System.Text.Json.JsonValueKind.Array)
            {
                continue;
            }
            foreach (var field in type.GetProperty("fields").EnumerateArray())
            {
                if (string.IsNullOrWhiteSpace(field.NullableText("description")))
                {
                    missing.Add($"{name}.{field.Text("name")}");
                }
                missing.AddRange(field.GetProperty("args").EnumerateArray()
                    .Where(a => string.IsNullOrWhiteSpace(a.NullableText("description")))
                    .Select(a => $"{name}.{field.Text("name")}({a.Text("name")})"));
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public async Task TheQueryTypeOffersTheContractedEntryPoints()
    {
        var answer = await api.CreateClient().PostGraphQLAsync("""{ __type(name: "Query") { fields { name args { name } } } }""");
        var fields = answer.Data.GetProperty("__type").GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.Text("name"), f => string.Join(",", f.GetProperty("args").EnumerateArray().Select(a => a.Text("name"))));
        // Issue 3's entry points with their arguments; issue 5 added the optional theme filter, and the research review
        // the optional relisted filter, on the lists and then on search (none breaking: an optional argument at the end).
        Assert.Equal("", fields["plan"]);
        Assert.Equal("theme", fields["goals"]);
        Assert.Equal("id", fields["goal"]);
        Assert.Equal("goalId,theme", fields["measures"]);
        Assert.Equal("id", fields["measure"]);
        Assert.Equal("goalId,measureId,theme,relisted", fields["subMeasures"]);
        Assert.Equal("id", fields["subMeasure"]);
        Assert.Equal("goalId,measureId,theme", fields["kpis"]);
        Assert.Equal("id", fields["kpi"]);
        Assert.Equal("q,theme,limit,offset,relisted", fields["search"]);
    }
}
