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

    // The JSON-LD export and the CSV ZIP are one file each, listed under every dataset: they were listed under each
    // dataset's licence, so a harvester merging resources by URL kept whichever licence it met first (CC BY alone, or
    // PDL1.0 alone for a file with this project's additions). REST's catalog says the same.
    [Fact]
    public async Task AFileListedUnderSeveralDatasetsHasOneLicenceAndSaysWhoseEachPartIs()
    {
        var datasets = (await CatalogAsync())["datasets"]!.AsArray().ToList();
        var byFile = datasets.SelectMany(d => d!["distributions"]!.AsArray().Select(x => (Dataset: d, Distribution: x!)))
            .GroupBy(p => (string)p.Distribution["accessURL"]!).ToList();
        var rest = await api.CreateClient().GetJsonAsync("/api/v1/catalog");
        var restByUrl = rest.GetProperty("datasets").EnumerateArray().SelectMany(d => d.GetProperty("distributions").EnumerateArray())
            .ToLookup(d => d.Text("url"));

        var shared = byFile.Where(f => f.Count() > 1).ToList();
        Assert.Equal(2, shared.Count);
        Assert.All(shared, file =>
        {
            Assert.Single(file.Select(p => (string?)p.Distribution["license"]).Distinct());
            Assert.Single(file.Select(p => p.Distribution["rights"]!.ToJsonString()).Distinct());
            var rights = file.First().Distribution["rights"]!;
            Assert.Equal("RightsStatement", (string?)rights["type"]);
            var restRights = restByUrl[file.Key["http://localhost".Length..]].Select(d => d.Text("rights")).Distinct();
            Assert.Equal((string?)rights["label"], Assert.Single(restRights));
            Assert.Contains("全データセット", (string?)rights["label"]);
            // What the code lists' own rights carve out of CC BY 4.0 (names that are their publishers', the UN's
            // English) holds in the file that contains them too.
            var codeLists = rest.GetProperty("datasets").EnumerateArray().Single(d => d.Text("id") == "code-lists").Text("rights");
            Assert.All(codeLists.Split('。', StringSplitOptions.RemoveEmptyEntries), sentence => Assert.Contains(sentence, (string?)rights["label"]));
        });
        // A file of one dataset is under that dataset's licence, and needs no rights of its own.
        Assert.All(byFile.Where(f => f.Count() == 1).Select(f => f.Single()), p =>
        {
            Assert.Equal((string?)p.Dataset!["license"], (string?)p.Distribution["license"]);
            Assert.Null(p.Distribution["rights"]);
        });
    }

    // DCAT-AP: dct:rights is a dct:RightsStatement, not a text.
    [Fact]
    public async Task EveryDatasetsRightsAreAStatementWithTheTextRestGives()
    {
        var datasets = (await CatalogAsync())["datasets"]!.AsArray();
        var rest = (await api.CreateClient().GetJsonAsync("/api/v1/catalog")).GetProperty("datasets").EnumerateArray().ToList();

        Assert.Equal(rest.Count, datasets.Count);
        foreach (var (node, json) in datasets.Zip(rest))
        {
            Assert.Equal("RightsStatement", (string?)node!["rights"]!["type"]);
            Assert.Equal($"{(string?)node["id"]}#rights", (string?)node["rights"]!["id"]);
            Assert.Equal(json.Text("rights"), (string?)node["rights"]!["label"]);
        }
    }

    // The catalog lists the code lists as its theme taxonomy: the datasets are classified by them, so that a portal's
    // theme search finds a dataset. The policy structure carries what its sub-measures and goals are mapped to.
    [Fact]
    public async Task ThePolicyStructureIsThemedWithWhatItsItemsAreMappedTo()
    {
        var catalog = await CatalogAsync();
        var datasets = catalog["datasets"]!.AsArray().ToDictionary(d => (string)d!["identifier"]!);
        var client = api.CreateClient();
        var expected = new HashSet<string>();
        foreach (var sub in (await client.GetJsonAsync("/api/v1/sub-measures?limit=200")).GetProperty("items").EnumerateArray())
        {
            expected.UnionWith(sub.GetProperty("themes").EnumerateArray().Select(t => $"http://localhost/id/scheme/{t.Text("scheme")}/{t.Text("code")}"));
        }
        foreach (var listed in (await client.GetJsonAsync("/api/v1/goals")).GetProperty("items").EnumerateArray())
        {
            var goal = await client.GetJsonAsync(listed.GetProperty("links").Text("self"));
            expected.UnionWith(goal.GetProperty("alignments").EnumerateArray().Select(a => $"http://localhost/id/scheme/{a.Text("scheme")}/{a.Text("code")}"));
        }
        var taxonomy = catalog["themeTaxonomy"]!.AsArray().Select(t => (string)t! + "/").ToList();

        var themes = datasets["policy-structure"]!["theme"]!.AsArray().Select(t => (string)t!).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), themes.Order(StringComparer.Ordinal));
        Assert.All(themes, t => Assert.Contains(taxonomy, scheme => t.StartsWith(scheme, StringComparison.Ordinal)));
        Assert.Empty(datasets["code-lists"]!["theme"]!.AsArray());
        // REST gives the same, as ?theme= names them.
        var rest = (await client.GetJsonAsync("/api/v1/catalog")).GetProperty("datasets").EnumerateArray().First(d => d.Text("id") == "policy-structure");
        Assert.Equal(themes.Select(t => t["http://localhost/id/scheme/".Length..].Replace('/', ':')), rest.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
    }

    // SKOS and DCAT-AP: a taxonomy's concept scheme has a dct:title, and each top concept says whose top it is.
    [Fact]
    public async Task EveryCodeListHasATitleAndItsConceptsSayTheyAreAtItsTop()
    {
        var taxonomy = (await CatalogAsync())["themeTaxonomy"]!.AsArray().Select(t => (string)t!).ToList();
        var rest = (await api.CreateClient().GetJsonAsync("/api/v1/themes")).GetProperty("items").EnumerateArray().ToDictionary(s => s.Text("id"));

        Assert.NotEmpty(taxonomy);
        foreach (var iri in taxonomy)
        {
            var id = iri["http://localhost/id/scheme/".Length..];
            var scheme = await api.CreateClient().GetJsonLdAsync($"/api/v1/themes/{id}");
            Assert.Equal(iri, (string?)scheme["id"]);
            Assert.Equal(rest[id].Text("title"), (string?)scheme["title"]);
            var concepts = scheme["topConcepts"]!.AsArray();
            Assert.NotEmpty(concepts);
            Assert.All(concepts, c => Assert.Equal(iri, (string?)c!["topConceptOf"]));
        }
    }

    // The APIs are in the catalog as DCAT data services, so that a portal lists them beside the downloads: each names
    // its endpoint and the description a client generates from (the OpenAPI document, the SDL), served here, and the
    // datasets it serves; the API distributions name the REST service they are reached through.
    [Fact]
    public async Task TheCatalogDescribesItsApisAsDataServices()
    {
        var catalog = await CatalogAsync();
        var services = catalog["service"]!.AsArray().Select(s => s!).ToList();
        var datasets = catalog["datasets"]!.AsArray().Select(d => (string)d!["id"]!).ToList();

        Assert.Equal(["http://localhost/", "http://localhost/graphql"], services.Select(s => (string?)s["endpointURL"]));
        Assert.All(services, s =>
        {
            Assert.Equal("DataService", (string?)s["type"]);
            Assert.False(string.IsNullOrWhiteSpace(s["title"] is JsonObject literal ? (string?)literal["@value"] : (string?)s["title"]));
            Assert.Equal(datasets, s["servesDataset"]!.AsArray().Select(d => (string?)d));
        });
        // The services' names have no Japanese in them: literals without @ja (the context's default), in both terms.
        Assert.All(new[] { "title", "表記" }, term =>
        {
            Assert.Equal("""{"@value":"Kushiro OpenData REST API (v1)"}""", services[0][term]!.ToJsonString());
            Assert.Equal("""{"@value":"Kushiro OpenData GraphQL"}""", services[1][term]!.ToJsonString());
        });
        using (var openApi = await api.CreateClient().GetAsync(((string)services[0]["endpointDescription"]!)["http://localhost".Length..]))
        {
            Assert.Equal("application/json", openApi.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("3.", JsonNode.Parse(await openApi.Content.ReadAsStringAsync())!["openapi"]!.GetValue<string>());
        }
        var sdl = await api.CreateClient().GetStringAsync(((string)services[1]["endpointDescription"]!)["http://localhost".Length..]);
        Assert.Contains("type Query", sdl);
        var apiDistributions = catalog["datasets"]!.AsArray().SelectMany(d => d!["distributions"]!.AsArray()).Where(x => x!["downloadURL"] is null).ToList();
        Assert.NotEmpty(apiDistributions);
        Assert.All(apiDistributions, x => Assert.Equal((string?)services[0]["id"], (string?)x!["accessService"]));
    }

    private async Task<JsonNode> CatalogAsync() => JsonNode.Parse(await api.CreateClient().GetStringAsync("/api/v1/catalog.jsonld"))!;
}
