using System.Net;
using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.Tests.LinkedData;

/// <summary>
/// A JSON-LD list names itself by its URL. Requests that differ only in the case or order of their parameters share one
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

    private static async Task<(string Body, string? ETag)> GetAsync(HttpClient client, HttpMethod method, string url)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd("application/ld+json");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.ETag?.Tag);
    }
}
