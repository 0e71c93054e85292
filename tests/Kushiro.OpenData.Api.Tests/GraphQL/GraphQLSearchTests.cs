using System.Net;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>GraphQL's search finds, ranks, highlights and pages exactly as REST's /api/v1/search.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class GraphQLSearchTests(SharedApiFactory api)
{
    private const string Search = """
        query($q: String!, $theme: [String!], $limit: Int, $offset: Int) {
          search(q: $q, theme: $theme, limit: $limit, offset: $offset) {
            totalCount limit offset
            results { type itemId id title score field snippet item { __typename ... on Goal { id } ... on Measure { id } ... on SubMeasure { id } ... on Kpi { id } } }
          }
        }
        """;

    [Theory]
    [InlineData("子育て", null)]
    [InlineData("ＭＩＣＥ", null)]
    [InlineData("医療", null)]
    [InlineData("観光", null)]
    [InlineData("観光", "sdgs:8")]
    [InlineData("人口", null)]
    [InlineData("childcare", null)]
    [InlineData("子育て 支援", "fields:childcare-education")]
    [InlineData("子供", null)]
    [InlineData("適応", null)]
    public async Task SearchThroughGraphQLEqualsSearchThroughRest(string q, string? theme)
    {
        var client = api.CreateClient();
        var search = (await client.PostGraphQLAsync(Search, new { q, theme = theme is null ? null : new[] { theme }, limit = 200 })).Data.GetProperty("search");
        var rest = await client.GetJsonAsync($"/api/v1/search?limit=200&q={Uri.EscapeDataString(q)}" + (theme is null ? "" : "&theme=" + Uri.EscapeDataString(theme)));

        var results = search.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.Equal(rest.GetProperty("total").GetInt32(), search.GetProperty("totalCount").GetInt32());
        Assert.Equal(
            rest.Items().Select(r => (r.Text("type"), r.Text("id"), r.Text("title"), r.GetProperty("score").GetDouble(), r.Text("field"), r.Text("snippet"))),
            results.Select(r => (r.Text("type"), r.Text("itemId"), r.Text("title"), r.GetProperty("score").GetDouble(), r.Text("field"), r.Text("snippet"))));
        // The item is the thing itself, of the type the result names.
        Assert.All(results, r =>
        {
            Assert.Equal(r.Text("itemId"), r.GetProperty("item").Text("id"));
            Assert.Equal(r.Text("itemId"), r.Text("id")); // deprecated, kept for v1's clients
            Assert.Equal(r.Text("type"), r.GetProperty("item").Text("__typename") switch { "SubMeasure" => "sub-measure", var t => t.ToLowerInvariant() });
        });
    }

    // A researcher's counts per theme, as REST's ?facets= gives them (they had been REST only), with the search's
    // own theme filter kept on the other schemes.
    [Theory]
    [InlineData("子育て", null)]
    [InlineData("観光", "sdgs:8")]
    [InlineData("支援", "fields:industry-jobs")]
    public async Task SearchFacetsEqualRestFacets(string q, string? theme)
    {
        var client = api.CreateClient();
        var answer = await client.PostGraphQLAsync(
            "query($q: String!, $theme: [String!]) { search(q: $q, theme: $theme) { facets(schemes: [\"sdgs\", \"fields\"]) { count concept { scheme code notation label labelEn } } } }",
            new { q, theme = theme is null ? null : new[] { theme } });
        var rest = await client.GetJsonAsync($"/api/v1/search?facets=sdgs,fields&q={Uri.EscapeDataString(q)}" + (theme is null ? "" : "&theme=" + Uri.EscapeDataString(theme)));

        var facets = answer.Data.GetProperty("search").GetProperty("facets").EnumerateArray().ToList();
        var expected = new[] { "sdgs", "fields" }.SelectMany(scheme => rest.GetProperty("facets").GetProperty(scheme).EnumerateArray()
            .Select(f => (scheme, f.Text("code"), f.Text("notation"), f.Text("label"), f.Text("labelEn"), f.GetProperty("count").GetInt32()))).ToList();
        Assert.NotEmpty(expected);
        Assert.Contains(expected, f => f.Item6 > 0);
        Assert.Equal(expected, facets.Select(f =>
        {
            var c = f.GetProperty("concept");
            return (c.Text("scheme"), c.Text("code"), c.Text("notation"), c.Text("label"), c.Text("labelEn"), f.GetProperty("count").GetInt32());
        }));
    }

    // Each item is one scheme: "sdgs,fields" is not REST's comma-separated list in disguise.
    [Theory]
    [InlineData("[\"sdg\"]", "\"sdg\"")]
    [InlineData("[\"sdgs\", \"sdgs\"]", "\"sdgs\" is named twice")]
    [InlineData("[\"sdgs,fields\"]", "\"sdgs,fields\"")]
    [InlineData("[\"sdgs\", \"\"]", "\"\"")]
    public async Task AnUnknownOrRepeatedFacetSchemeIsARequestErrorNamingIt(string schemes, string named)
    {
        var answer = await api.CreateClient().PostGraphQLAsync($"{{ search(q: \"医療\") {{ facets(schemes: {schemes}) {{ count }} }} }}");

        Assert.Contains(named, Assert.Single(answer.RequestError("INVALID_FACETS")));
    }

    [Fact]
    public async Task FacetSchemesSentAsVariablesAreCheckedEveryTime()
    {
        var client = api.CreateClient();
        const string query = "query($s: [String!]!) { search(q: \"医療\") { facets(schemes: $s) { count } } }";
        Assert.NotEmpty((await client.PostGraphQLAsync(query, new { s = new[] { "sdgs" } })).Data.GetProperty("search").GetProperty("facets").EnumerateArray());
        Assert.Empty((await client.PostGraphQLAsync(query, new { s = Array.Empty<string>() })).Data.GetProperty("search").GetProperty("facets").EnumerateArray());

        var answer = await client.PostGraphQLAsync(query, new { s = new[] { "sdgz" } });

        Assert.Contains("\"sdgz\"", Assert.Single(answer.RequestError("INVALID_FACETS")));
    }

    [Fact]
    public async Task ResultsPageAsRestPages()
    {
        var client = api.CreateClient();
        var all = (await client.PostGraphQLAsync(Search, new { q = "推進", limit = 200 })).Data.GetProperty("search");
        var page = (await client.PostGraphQLAsync(Search, new { q = "推進", limit = 3, offset = 2 })).Data.GetProperty("search");

        Assert.True(all.GetProperty("totalCount").GetInt32() > 5);
        Assert.Equal(all.GetProperty("totalCount").GetInt32(), page.GetProperty("totalCount").GetInt32());
        Assert.Equal((3, 2), (page.GetProperty("limit").GetInt32(), page.GetProperty("offset").GetInt32()));
        Assert.Equal(Ids(all).Skip(2).Take(3), Ids(page));
        Assert.Equal((await client.GetJsonAsync("/api/v1/search?q=%E6%8E%A8%E9%80%B2&limit=3&offset=2")).Items().Select(r => r.Text("id")), Ids(page));
    }

    // A client passing its paging variables through, unset, sends null: the schema says null is the default, as absent
    // is (an app developer's review found it neither refused nor said).
    [Fact]
    public async Task NullLimitAndOffsetAreTheDefaultsAsTheSchemaSays()
    {
        var client = api.CreateClient();
        var nulls = (await client.PostGraphQLAsync(Search, new { q = "推進", limit = (int?)null, offset = (int?)null })).Data.GetProperty("search");
        var absent = (await client.PostGraphQLAsync("{ search(q: \"推進\") { limit offset results { itemId } } }")).Data.GetProperty("search");
        var rest = await client.GetJsonAsync("/api/v1/search?q=%E6%8E%A8%E9%80%B2");

        Assert.Equal((rest.GetProperty("limit").GetInt32(), 0), (nulls.GetProperty("limit").GetInt32(), nulls.GetProperty("offset").GetInt32()));
        Assert.Equal(Ids(absent), Ids(nulls));
        var schema = await client.GetStringAsync("/graphql/schema.graphql");
        Assert.Contains("How many results to return: 1 to 200. Null, as absent, is the default.", schema);
    }

    [Fact]
    public async Task FullWidthFindsHalfWidthAndTheMarkIsOnTheMatch()
    {
        var result = (await api.CreateClient().PostGraphQLAsync(Search, new { q = "ＭＩＣＥ" })).Data.GetProperty("search").GetProperty("results")[0];

        Assert.Equal("1-6-1", result.Text("itemId"));
        Assert.Contains("<mark>MICE</mark>", result.Text("snippet"));
    }

    [Fact]
    public async Task AResultHasNoIdACachingClientWouldKeyItByOnlyTheFoundItemsItemId()
    {
        // Apollo's InMemoryCache and urql's Graphcache key an object by its id: with the item's ID as the result's id,
        // a second search finding the same item overwrote the first search's snippet and score in the cache.
        var fields = (await api.CreateClient().PostGraphQLAsync("""
            { __type(name: "SearchResult") { fields(includeDeprecated: true) { name type { kind ofType { name } } isDeprecated deprecationReason } } }
            """)).Data.GetProperty("__type").GetProperty("fields").EnumerateArray().ToDictionary(f => f.Text("name"));
        Assert.True(fields["id"].GetProperty("isDeprecated").GetBoolean());
        Assert.Contains("itemId", fields["id"].Text("deprecationReason"));
        Assert.False(fields["itemId"].GetProperty("isDeprecated").GetBoolean());
        Assert.Equal("ID", fields["itemId"].GetProperty("type").GetProperty("ofType").Text("name"));
    }

    [Theory]
    [InlineData("", null, null, "Give something to search for")]
    [InlineData("　 ", null, null, "Give something to search for")]
    [InlineData("子育て", 0, null, "\"limit\" must be")]
    [InlineData("子育て", 201, null, "\"limit\" must be")]
    [InlineData("子育て", null, -1, "\"offset\" must be")]
    [InlineData("\u0000", null, null, "\"q\" contains a control character")] // REST refuses q=%00 too
    [InlineData("、 ・", null, null, "\"q\" holds only punctuation")]
    [InlineData("ー", null, null, "\"q\" holds only punctuation or dashes")]
    public async Task ABadSearchIsARequestErrorSayingWhy(string q, int? limit, int? offset, string reason)
    {
        var answer = await api.CreateClient().PostGraphQLAsync(Search, new { q, limit, offset });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith(reason, Assert.Single(answer.ErrorMessages));
        Assert.False(answer.Json.TryGetProperty("data", out _));
    }

    // "The query is longer than 200 characters" read as the GraphQL document; and the location was the field's, for
    // any of its four arguments. Now the message names q and the location is the argument's.
    [Theory]
    [InlineData("q: \"\"", "q", 10)]
    [InlineData("q: \"子育て\", limit: 0", "limit", 20)]
    [InlineData("q: \"子育て\", offset: -1", "offset", 20)]
    [InlineData("q: \"子育て\", theme: [\"sdgs:99\"]", "theme", 20)]
    public async Task AnArgumentsErrorIsLocatedAtThatArgument(string arguments, string argument, int column)
    {
        var answer = await api.CreateClient().PostGraphQLAsync($"{{ search({arguments}) {{ totalCount }} }}");

        var error = Assert.Single(answer.Json.GetProperty("errors").EnumerateArray());
        Assert.Matches($@"\b{argument}\b", error.Text("message")); // as a word: "The query" does not name q
        // First the argument, then (as GraphQL.NET adds it) the field it belongs to.
        var location = error.GetProperty("locations")[0];
        Assert.Equal((1, column), (location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32()));
    }

    // An app that shows one text for one mistake, whichever API it came from: REST's words had moved on alone.
    [Theory]
    [InlineData("offset: -1", "offset=-1", "offset")]
    [InlineData("limit: 201", "limit=201", "limit")]
    public async Task APagingErrorSaysWhatRestSays(string graphQL, string query, string parameter)
    {
        var answer = await api.CreateClient().PostGraphQLAsync($"{{ search(q: \"子育て\", {graphQL}) {{ totalCount }} }}");
        using var rest = await api.CreateClient().GetAsync($"/api/v1/search?q=%E5%AD%90%E8%82%B2%E3%81%A6&{query}");
        var problem = JsonDocument.Parse(await rest.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(problem.GetProperty("errors").GetProperty(parameter)[0].GetString(), Assert.Single(answer.ErrorMessages));
    }

    // Text copied from a spreadsheet or the source document's columns holds tabs and line breaks: white space, as REST
    // reads them too.
    [Theory]
    [InlineData("医療\t体制")]
    [InlineData("医療\r\n体制")]
    public async Task TabsAndLineBreaksSeparateTermsAsSpacesDo(string q)
    {
        var spaced = await api.CreateClient().PostGraphQLAsync(Search, new { q = "医療 体制" });
        var answer = await api.CreateClient().PostGraphQLAsync(Search, new { q });

        Assert.NotEmpty(Ids(spaced.Data.GetProperty("search")));
        Assert.Equal(Ids(spaced.Data.GetProperty("search")), Ids(answer.Data.GetProperty("search")));
    }

    [Fact]
    public async Task AnOverlongQIsARequestErrorNamingQ()
    {
        var answer = await api.CreateClient().PostGraphQLAsync(Search, new { q = new string('あ', 201) });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("\"q\" is longer than 200 characters.", Assert.Single(answer.ErrorMessages));
    }

    [Fact]
    public async Task ALoneSurrogateInTheQueryIsARequestErrorNotAResolverFailure()
    {
        // A GraphQL string may escape a lone surrogate (a URL cannot carry one): no text to fold, so it is refused.
        var answer = await api.CreateClient().PostRawAsync("""{"query": "{ search(q: \"\\ud800a\") { totalCount } }"}""", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith("\"q\" is not valid Unicode", Assert.Single(answer.ErrorMessages));
    }

    [Fact]
    public async Task ASearchIsPricedByItsLimit()
    {
        // The same deep selection under each result: refused for 200 results, answered for one.
        const string Deep = "results { item { ... on SubMeasure { measure { subMeasures { measure { subMeasures { measure { subMeasures { measure { subMeasures { id } } } } } } } } } } }";
        var large = await api.CreateClient().PostGraphQLAsync($"{{ search(q: \"推進\", limit: 200) {{ {Deep} }} }}");
        var small = await api.CreateClient().PostGraphQLAsync($"{{ search(q: \"推進\", limit: 1) {{ {Deep} }} }}");

        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.Contains(large.ErrorMessages, m => m.Contains("complex", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, small.Data.GetProperty("search").GetProperty("results").GetArrayLength());
    }

    private static IEnumerable<string> Ids(JsonElement search) => search.GetProperty("results").EnumerateArray().Select(r => r.Text("itemId")).ToList();
}
