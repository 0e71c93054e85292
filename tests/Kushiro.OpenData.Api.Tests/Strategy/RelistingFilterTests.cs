using System.Net;
using System.Text.Json;
using Kushiro.OpenData.Api.Tests.GraphQL;
using Kushiro.OpenData.Api.Tests.Themes;

namespace Kushiro.OpenData.Api.Tests.Strategy;

/// <summary>
/// A researcher counting policies by theme can leave re-listings (再掲) out, so a policy listed under two goals counts
/// once: ?relisted=false (REST, CSV) and relisted: false (GraphQL). Expected lists come from seed/sub-measures.json.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class RelistingFilterTests(SharedApiFactory api)
{
    private static readonly List<(string Id, string? RelistingOf)> SeedSubMeasures = [.. JsonDocument
        .Parse(File.ReadAllText(Path.Combine(RepositoryFiles.SeedDirectory, "sub-measures.json"))).RootElement
        .EnumerateArray().Select(s => (s.Text("id"), s.TryGetProperty("relistingOf", out var of) ? of.GetString() : null))];

    private static List<(string SubMeasure, string Theme)> Mappings => ThemeFilterTests.Mappings;

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public async Task RelistedNarrowsTheListToOriginalsOrToRelistings(string relisted)
    {
        var expected = SeedSubMeasures.Where(s => (s.RelistingOf is not null) == bool.Parse(relisted)).Select(s => s.Id).ToList();
        var page = await api.CreateClient().GetJsonAsync($"/api/v1/sub-measures?limit=200&relisted={relisted}");

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
        Assert.Equal(expected, page.Items().Select(s => s.Text("id")));
        Assert.Contains($"relisted={relisted}", page.GetProperty("links").Text("self"));
    }

    // 3-4-1 and its re-listing 4-2-2 share their themes: without the re-listing, a theme's facet counts the policy once,
    // on the sub-measure list and on the concept's own list alike.
    [Fact]
    public async Task WithoutRelistingsAThemeCountsEachPolicyOnce()
    {
        var relisting = SeedSubMeasures.First(s => s.RelistingOf is not null);
        var theme = Mappings.First(m => m.SubMeasure == relisting.RelistingOf && Mappings.Contains((relisting.Id, m.Theme))).Theme;
        var mapped = Mappings.Where(m => m.Theme == theme).Select(m => m.SubMeasure).Distinct().ToList();
        var originals = mapped.Count(id => SeedSubMeasures.Single(s => s.Id == id).RelistingOf is null);
        var (scheme, code) = (theme.Split(':')[0], theme.Split(':')[1]);
        var client = api.CreateClient();

        var page = await client.GetJsonAsync($"/api/v1/sub-measures?relisted=false&facets={scheme}");
        var count = page.GetProperty("facets").GetProperty(scheme).EnumerateArray().Single(f => f.Text("code") == code).GetProperty("count").GetInt32();

        Assert.True(originals < mapped.Count);
        Assert.Equal(originals, count);
        Assert.Equal(originals, (await client.GetJsonAsync($"/api/v1/sub-measures?relisted=false&theme={theme}")).GetProperty("total").GetInt32());
        Assert.Equal(originals, (await client.GetJsonAsync($"/api/v1/themes/{scheme}/{code}/sub-measures?relisted=false")).GetProperty("total").GetInt32());
        Assert.Equal(mapped.Count, (await client.GetJsonAsync($"/api/v1/themes/{scheme}/{code}/sub-measures")).GetProperty("total").GetInt32());
        Assert.Equal(mapped.Count - originals, (await client.GetJsonAsync($"/api/v1/themes/{scheme}/{code}/sub-measures?relisted=true")).GetProperty("total").GetInt32());
    }

    // A researcher's review: a search found 3-4-1 and its re-listing 4-2-2 as two results, and could not say otherwise.
    [Fact]
    public async Task SearchLeavesReListingsOutOrFindsOnlyThemAsTheListsDo()
    {
        var relisting = SeedSubMeasures.First(s => s.RelistingOf is not null);
        var client = api.CreateClient();
        var title = (await client.GetJsonAsync($"/api/v1/sub-measures/{relisting.Id}")).Text("title");
        // A word of the re-listing's own title finds it, and its original, whose title it repeats.
        var q = Uri.EscapeDataString(title[..2]);
        var relistingIds = SeedSubMeasures.Where(s => s.RelistingOf is not null).Select(s => s.Id).ToHashSet();
        static List<string> Found(JsonElement page) => [.. page.Items().Select(r => $"{r.Text("type")}:{r.Text("id")}")];
        var all = Found(await client.GetJsonAsync($"/api/v1/search?limit=200&q={q}"));
        bool IsRelisting(string key) => key.StartsWith("sub-measure:", StringComparison.Ordinal) && relistingIds.Contains(key["sub-measure:".Length..]);

        var originals = await client.GetJsonAsync($"/api/v1/search?limit=200&q={q}&relisted=false");
        var relistings = await client.GetJsonAsync($"/api/v1/search?limit=200&q={q}&relisted=true");

        Assert.Contains($"sub-measure:{relisting.Id}", all);
        Assert.Contains($"sub-measure:{relisting.RelistingOf}", all);
        Assert.Equal(all.Where(k => !IsRelisting(k)), Found(originals));
        Assert.Equal(all.Count(k => !IsRelisting(k)), originals.GetProperty("total").GetInt32());
        Assert.Equal(all.Where(IsRelisting), Found(relistings));
        var graphQL = await client.PostGraphQLAsync($$"""{ search(q: "{{title[..2]}}", limit: 200, relisted: false) { totalCount } }""");
        Assert.Equal(originals.GetProperty("total").GetInt32(), graphQL.Data.GetProperty("search").GetProperty("totalCount").GetInt32());
    }

    // Written as JSON writes a boolean, as lang must be ja or en: binding alone took " true" (a full-width space too)
    // and "TRUE", each another URL, cache entry and ETag for one list, and told "yes" only that it was not valid.
    [Theory]
    [InlineData("relisted=yes")]
    [InlineData("relisted=1")]
    [InlineData("relisted=TRUE")]
    [InlineData("relisted=%20true")]
    [InlineData("relisted=false%E3%80%80")]
    [InlineData("relisted=")]
    [InlineData("relisted=true&relisted=false")]
    public async Task AnythingButTrueOrFalseIsA400NamingRelisted(string query)
    {
        using var response = await api.CreateClient().GetAsync($"/api/v1/sub-measures?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("relisted", out var messages), problem.ToString());
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.StartsWith("\"relisted\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GraphQLReturnsWhatRestReturns(bool relisted)
    {
        var client = api.CreateClient();
        var rest = await client.GetJsonAsync($"/api/v1/sub-measures?limit=200&relisted={(relisted ? "true" : "false")}");
        var graphql = (await client.PostGraphQLAsync("query($r: Boolean) { subMeasures(relisted: $r) { id } }", new { r = relisted }))
            .Data.GetProperty("subMeasures").EnumerateArray().Select(s => s.Text("id"));

        Assert.Equal(rest.Items().Select(s => s.Text("id")), graphql);
    }

    // A concept's own list takes it too, in REST and GraphQL alike.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AConceptsSubMeasuresTakeItInGraphQLAsInRest(bool relisted)
    {
        var relisting = SeedSubMeasures.First(s => s.RelistingOf is not null);
        var theme = Mappings.First(m => m.SubMeasure == relisting.Id).Theme.Split(':');
        var (scheme, code) = (theme[0], theme[1]);
        var client = api.CreateClient();
        var rest = await client.GetJsonAsync($"/api/v1/themes/{scheme}/{code}/sub-measures?limit=200&relisted={(relisted ? "true" : "false")}");
        var graphql = (await client.PostGraphQLAsync("query($s: ID!, $c: String!, $r: Boolean) { themeConcept(scheme: $s, code: $c) { subMeasures(relisted: $r) { id } } }",
                new { s = scheme, c = code, r = relisted }))
            .Data.GetProperty("themeConcept").GetProperty("subMeasures").EnumerateArray().Select(s => s.Text("id"));

        Assert.NotEmpty(rest.Items());
        Assert.Equal(rest.Items().Select(s => s.Text("id")), graphql);
    }
}
