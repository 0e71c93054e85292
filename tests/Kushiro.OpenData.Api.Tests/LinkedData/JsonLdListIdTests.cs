using System.Net;
using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.Tests.LinkedData;

/// <summary>
/// A JSON-LD list (and a CSV one, in its Link header) names itself by its URL. Requests that differ only in the case or order of their parameters share one
/// output-cache entry, so the name must not be the spelling of whichever request filled it: every client, and HEAD,
/// must get the same bytes and the same ETag as a request the cache did not answer.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class JsonLdListIdTests(SharedApiFactory api)
{
    [Fact]
    public async Task EverySpellingOfAListGetsItsCanonicalUrlAsIdAndHeadTheSameETag()
    {
        var client = api.CreateClient();
        var first = await GetAsync(client, HttpMethod.Get, "/api/v1/sub-measures?Limit=13&GOAL=2");
        var second = await GetAsync(client, HttpMethod.Get, "/api/v1/sub-measures?goal=2&limit=13");
        var head = await GetAsync(client, HttpMethod.Head, "/api/v1/sub-measures?goal=2&limit=13");

        var id = (string)JsonNode.Parse(second.Body)!["id"]!;
        Assert.EndsWith("/api/v1/sub-measures?goal=2&limit=13&offset=0", id);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(second.ETag, head.ETag);
    }

    // Routing takes the path in any case, the version as v1.0 and a trailing slash; the answer named itself and its
    // pages by that spelling, so one list had as many names and ETags as spellings (a civic developer's review).
    [Theory]
    [InlineData("/API/V1/GOALS?limit=2", "/api/v1/goals?limit=2")]
    [InlineData("/Api/V1.0/Measures/?limit=3", "/api/v1/measures?limit=3")]
    [InlineData("/api/V1/themes/sdgs/8/SUB-MEASURES?limit=2", "/api/v1/themes/sdgs/8/sub-measures?limit=2")]
    public async Task EverySpellingOfAListsPathGetsTheSameNameLinksAndBytes(string spelled, string canonical)
    {
        var client = api.CreateClient();
        var asSpelled = await GetAsync(client, HttpMethod.Get, spelled);
        var asTheApiSpellsIt = await GetAsync(client, HttpMethod.Get, canonical);
        var json = await client.GetJsonAsync(spelled);

        Assert.StartsWith("http://localhost" + canonical + "&offset=0", (string)JsonNode.Parse(asSpelled.Body)!["id"]!);
        Assert.Equal(asTheApiSpellsIt.Body, asSpelled.Body);
        Assert.Equal(asTheApiSpellsIt.ETag, asSpelled.ETag);
        Assert.Equal(canonical + "&offset=0", json.GetProperty("links").Text("self"));
    }

    [Theory]
    [InlineData("/api/v1/sub-measures?theme=sdgs:8&limit=2")]
    [InlineData("/api/v1/sub-measures?offset=1&limit=20&relisted=false")]
    public async Task APageIsNamedByItsSelfLinkSoTheNextLinkLeadsToThePageItNames(string url)
    {
        // A crawler following rel="next" must land on a page whose @id is the URL it fetched; the two had spelt the
        // parameters in different orders.
        var client = api.CreateClient();
        var self = (await client.GetJsonAsync(url)).GetProperty("links").Text("self");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/ld+json");
        using var page = await client.SendAsync(request);
        var next = page.Headers.GetValues("Link").SelectMany(v => v.Split(", "))
            .Single(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal))[1..^13];
        var nextPage = await GetAsync(client, HttpMethod.Get, next);

        Assert.Equal("http://localhost" + self, (string)JsonNode.Parse(await page.Content.ReadAsStringAsync())!["id"]!);
        Assert.Equal("http://localhost" + next, (string)JsonNode.Parse(nextPage.Body)!["id"]!);
    }

    // theme=sdgs:8 twice is the one filter, but the answer named itself with the value twice: one list, two names and
    // two ETags (a researcher's review).
    [Theory]
    [InlineData("application/ld+json")]
    [InlineData("application/json")]
    public async Task AValueSentTwiceIsNamedOnce(string mediaType)
    {
        var client = api.CreateClient();
        var twice = await GetAsync(client, HttpMethod.Get, "/api/v1/sub-measures?theme=sdgs:8&theme=fields:human-resources&theme=sdgs:8", mediaType);
        var once = await GetAsync(client, HttpMethod.Get, "/api/v1/sub-measures?theme=sdgs:8&theme=fields:human-resources", mediaType);

        Assert.Equal(once.Body, twice.Body);
        Assert.Equal(once.ETag, twice.ETag);
        Assert.Contains("theme=fields%3Ahuman-resources&theme=sdgs%3A8&", twice.Body);
    }

    // CSV and JSON-LD carry no facet counts, and their English always: with facets or lang the same list named itself,
    // linked its pages and was tagged differently (a researcher's review). JSON keeps them, as they change it.
    [Theory]
    [InlineData("application/ld+json", "facets=sdgs&")]
    [InlineData("text/csv", "facets=sdgs&")]
    [InlineData("application/ld+json", "LANG=en&")]
    [InlineData("text/csv", "lang=en&")]
    public async Task ParametersThatShapeJsonAloneLeaveOtherFormsAsTheyAre(string mediaType, string jsonOnly)
    {
        var client = api.CreateClient();
        var with = await GetAsync(client, HttpMethod.Get, $"/api/v1/sub-measures?{jsonOnly}theme=sdgs:8&limit=5&offset=5", mediaType);
        var without = await GetAsync(client, HttpMethod.Get, "/api/v1/sub-measures?theme=sdgs:8&limit=5&offset=5", mediaType);
        var json = await client.GetJsonAsync($"/api/v1/sub-measures?{jsonOnly}theme=sdgs:8&limit=5&offset=5");

        Assert.Equal(without.Body, with.Body);
        Assert.Equal(without.ETag, with.ETag);
        Assert.Equal(without.Link, with.Link);
        Assert.Contains("rel=\"next\"", with.Link);
        Assert.StartsWith("/api/v1/sub-measures?" + jsonOnly.ToLowerInvariant(), json.GetProperty("links").Text("next"));
    }

    private static async Task<(string Body, string? ETag, string? Link)> GetAsync(
        HttpClient client, HttpMethod method, string url, string mediaType = "application/ld+json")
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd(mediaType);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = response.Headers.TryGetValues("Link", out var values) ? string.Join(", ", values) : null;
        return (await response.Content.ReadAsStringAsync(), response.Headers.ETag?.Tag, link);
    }
}
