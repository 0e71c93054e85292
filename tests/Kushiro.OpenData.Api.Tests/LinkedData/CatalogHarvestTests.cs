using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kushiro.OpenData.Api.Tests.LinkedData;

/// <summary>
/// The catalog as a portal's DCAT harvester takes it (CKAN's ckanext-dcat): fetched without an Accept header, parsed by
/// the answer's media type, each distribution imported as a resource, each keyword as a tag.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class CatalogHarvestTests(SharedApiFactory api)
{
    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/ld+json")]
    public async Task AHarvesterThatSendsNoAcceptGetsTheDcatDocumentAtItsOwnUrl(string? accept)
    {
        // At /catalog such a harvester got plain JSON, which holds no triples, and imported no dataset.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog.jsonld");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        using var response = await api.CreateClient().SendAsync(request);
        using var negotiated = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog") { Headers = { { "Accept", "application/ld+json" } } };

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await (await api.CreateClient().SendAsync(negotiated)).Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog.jsonld");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await api.CreateClient().SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task AClientThatAcceptsOnlyPlainJsonIsToldTheCatalogHereIsJsonLd()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog.jsonld") { Headers = { { "Accept", "application/json" } } };
        using var response = await api.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EveryDistributionHasADescriptionAndAFileListedTwiceHasOneTitle()
    {
        var distributions = (await CatalogAsync())["datasets"]!.AsArray().SelectMany(d => d!["distributions"]!.AsArray()).ToList();

        // A harvester imports dct:description as the resource's description. The CSV files' note (UTF-8 with BOM, CRLF,
        // the first columns) was 説明 only, which it does not read, and the other distributions had none.
        Assert.All(distributions, d => Assert.False(string.IsNullOrWhiteSpace((string?)d!["description"]), (string?)d!["id"]));
        Assert.All(distributions, d => Assert.Equal((string?)d!["説明"], (string?)d!["description"]));
        var rest = await api.CreateClient().GetJsonAsync("/api/v1/catalog");
        Assert.All(distributions.Where(d => ((string)d!["mediaType"]!).EndsWith("/text/csv", StringComparison.Ordinal)),
            d => Assert.Equal(rest.GetProperty("csv").Text("note"), (string?)d!["description"]));
        // The JSON-LD export holds every dataset: "KPI（JSON-LD、全件）" promised KPIs and delivered the whole plan.
        Assert.All(distributions.GroupBy(d => (string)d!["accessURL"]!), sameFile => Assert.Single(sameFile.Select(d => (string?)d!["title"]).Distinct()));
    }

    [Theory]
    [InlineData("text/csv", "CSV")]
    [InlineData("application/json", "JSON")]
    [InlineData("application/ld+json", "JSON-LD")]
    [InlineData("application/zip", "ZIP")]
    public async Task EveryDistributionNamesItsFormatAsPortalsDo(string mediaType, string format)
    {
        // CKAN's harvester took the media type's IRI for the resource's format, so its CSV preview never started.
        var distributions = (await CatalogAsync())["datasets"]!.AsArray().SelectMany(d => d!["distributions"]!.AsArray())
            .Where(d => (string?)d!["mediaType"] == "https://www.iana.org/assignments/media-types/" + mediaType).ToList();

        Assert.NotEmpty(distributions);
        Assert.All(distributions, d => Assert.Equal(format, (string?)d!["format"]));
    }

    [Fact]
    public async Task EveryKeywordIsATagCkanAccepts()
    {
        // CKAN's tag rule: letters, digits, space, "-", "_" and "."; "まち・ひと・しごと創生" failed the whole dataset.
        var keywords = (await CatalogAsync())["datasets"]!.AsArray().SelectMany(d => d!["keyword"]!.AsArray().Select(k => (string)k!)).ToList();

        Assert.NotEmpty(keywords);
        Assert.All(keywords, k => Assert.Matches(new Regex(@"^[\w \-.]+$"), k));
    }

    private async Task<JsonNode> CatalogAsync() => JsonNode.Parse(await api.CreateClient().GetStringAsync("/api/v1/catalog.jsonld"))!;
}
