namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>
/// What graphql-js's introspection query asks for with its options (GraphiQL and graphql-codegen set them) is
/// answered: an unknown field or argument anywhere in it refused the whole query, and the tool had no schema.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class GraphQLIntrospectionTests(SharedApiFactory api)
{
    [Fact]
    public async Task DirectiveArgumentsCanBeAskedForWithTheirDeprecatedOnes()
    {
        var directives = (await api.CreateClient().PostGraphQLAsync("""
            { __schema { directives { name args(includeDeprecated: true) { name isDeprecated } } } }
            """)).Data.GetProperty("__schema").GetProperty("directives").EnumerateArray().ToList();

        var include = Assert.Single(directives, d => d.Text("name") == "include");
        Assert.Equal("if", Assert.Single(include.GetProperty("args").EnumerateArray()).Text("name"));
        Assert.All(directives.SelectMany(d => d.GetProperty("args").EnumerateArray()), a => Assert.False(a.GetProperty("isDeprecated").GetBoolean()));
    }

    // A built-in of the spec (§3.13): a schema-diff tool comparing the SDL with introspection reported it removed.
    [Fact]
    public async Task TheBuiltInDirectivesAreListedSpecifiedByAmongThem()
    {
        var directives = (await api.CreateClient().PostGraphQLAsync("""
            { __schema { directives { name locations args { name type { kind ofType { name } } } } } }
            """)).Data.GetProperty("__schema").GetProperty("directives").EnumerateArray().ToList();

        Assert.Equal(["deprecated", "include", "skip", "specifiedBy"], directives.Select(d => d.Text("name")).Order());
        var specifiedBy = directives.Single(d => d.Text("name") == "specifiedBy");
        Assert.Equal(["SCALAR"], specifiedBy.GetProperty("locations").EnumerateArray().Select(l => l.GetString()));
        var url = Assert.Single(specifiedBy.GetProperty("args").EnumerateArray());
        Assert.Equal(("url", "NON_NULL", "String"), (url.Text("name"), url.GetProperty("type").Text("kind"), url.GetProperty("type").GetProperty("ofType").Text("name")));
    }

    [Fact]
    public async Task EveryTypeAnswersSpecifiedByUrlWithNullSinceNoScalarDeclaresOne()
    {
        var types = (await api.CreateClient().PostGraphQLAsync("{ __schema { types { name kind specifiedByURL } } }"))
            .Data.GetProperty("__schema").GetProperty("types").EnumerateArray().ToList();

        Assert.Contains(types, t => t.Text("name") == "Decimal" && t.Text("kind") == "SCALAR");
        Assert.All(types, t => Assert.Equal(System.Text.Json.JsonValueKind.Null, t.GetProperty("specifiedByURL").ValueKind));
    }
}
