using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kushiro.OpenData.Api.Tests.LinkedData;

/// <summary>JSON-LD for every resource the OpenAPI document offers it for, with IRIs a processor can use.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class JsonLdTests(SharedApiFactory api)
{
    private const string JsonLd = "application/ld+json";

    // HTTP/1.0 sends no Host and HTTP/1.1 allows an empty one: the IRIs had come out as http:/id/goal/1, which names
    // nothing. The address the client reached stands in.
    [Theory]
    [InlineData("192.0.2.7", 8080, "192.0.2.7:8080")]
    [InlineData("::ffff:192.0.2.7", 8080, "192.0.2.7:8080")] // IPv4 over an IPv6 socket
    [InlineData("fe80::1%2", 8080, "[fe80::1]:8080")] // no zone index in an IRI
    [InlineData("2001:db8::7", 8080, "[2001:db8::7]:8080")]
    [InlineData("2001:db8::7", 0, "[2001:db8::7]")] // a host layer that gives no port
    public async Task ARequestWithoutAHostGetsIrisOfTheAddressItReached(string address, int port, string origin)
    {
        var answer = await WithoutHostAsync(address, port);

        Assert.Equal(200, answer.Response.StatusCode);
        Assert.Equal($"http://{origin}/id/goal/1", (string?)(await JsonNode.ParseAsync(answer.Response.Body))!["id"]);
    }

    // Two such clients of one server, having reached it at two addresses (127.0.0.1 and ::1, say), send the same
    // request, which the output cache would take for one: each must get its own address.
    [Fact]
    public async Task AnswersToRequestsWithoutAHostAreNotKeptForOthers()
    {
        // Answers are kept once dated (Http/ConditionalGetMiddleware.cs): wait for that, as any kept answer does.
        using (await api.CreateClient().GetSettledAsync("/api/v1/goals/1"))
        {
        }
        var first = await WithoutHostAsync("192.0.2.8", 8080);
        var second = await WithoutHostAsync("192.0.2.9", 8080);

        Assert.Equal("http://192.0.2.8:8080/id/goal/1", (string?)(await JsonNode.ParseAsync(first.Response.Body))!["id"]);
        Assert.Equal("http://192.0.2.9:8080/id/goal/1", (string?)(await JsonNode.ParseAsync(second.Response.Body))!["id"]);
    }

    // The concept's JSON names each aligned goal with the mapping's provenance and rationale; its JSON-LD had given
    // the goals' IRIs only (an outside review). .ci/jsonld-check reads the same nodes as RDF.
    [Theory]
    [InlineData("national", "goal-1")]
    [InlineData("digiden", "theme-4")]
    public async Task AConceptsAlignmentsCarryTheirProvenanceAndRationaleAsInItsJson(string scheme, string code)
    {
        var client = api.CreateClient();
        var json = await client.GetJsonAsync($"/api/v1/themes/{scheme}/{code}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/themes/{scheme}/{code}");
        request.Headers.Accept.ParseAdd(JsonLd);
        var document = JsonNode.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync())!;

        var expected = json.GetProperty("goals").EnumerateArray()
            .Select(g => $"http://localhost/id/goal/{g.GetProperty("goalId").GetString()} {g.GetProperty("provenance").GetString()} {g.GetProperty("rationale").GetString()}");
        var nodes = document["goalAlignments"]!.AsArray()
            .Select(a => $"{(string?)a!["alignmentOf"]} {(string?)a["provenance"]} {(string?)a["rationale"]}");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, nodes);
        Assert.All(document["goalAlignments"]!.AsArray(), a => Assert.Equal("Alignment", (string?)a!["type"]));
    }

    private Task<HttpContext> WithoutHostAsync(string address, int port) => api.Server.SendAsync(http =>
    {
        http.Request.Method = "GET";
        http.Request.Path = "/api/v1/goals/1";
        http.Request.Host = new HostString(""); // the test server's default is localhost
        http.Request.Headers.Accept = JsonLd;
        http.Connection.LocalIpAddress = IPAddress.Parse(address);
        http.Connection.LocalPort = port;
    });

    [Fact]
    public async Task EveryOperationOfferingJsonLdAnswersItWithAbsoluteIdsAndTheApisOwnContext()
    {
        var client = api.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var checkedPaths = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            var get = operations!["get"];
            if (get?["responses"]?["200"]?["content"]?[JsonLd] is null)
            {
                continue;
            }
            // Path parameters take their documented examples, as a client generator's samples would.
            var url = (get["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == "path")
                .Aggregate(path, (u, p) => u.Replace($"{{{p!["name"]}}}", (string?)p["example"] ?? p["example"]!.ToJsonString()));
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd(JsonLd);
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.Equal(JsonLd, response.Content.Headers.ContentType?.MediaType);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

            var context = (string)body["@context"]!;
            Assert.StartsWith("http://localhost/", context);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(context).PathAndQuery)).StatusCode);
            Assert.All(Ids(body), id => Assert.True(Uri.TryCreate(id, UriKind.Absolute, out _), $"{url}: id \"{id}\" is not absolute"));
            checkedPaths.Add(path);
        }
        Assert.Contains("/api/v1/plan", checkedPaths);
        Assert.Contains("/api/v1/kpis/{id}", checkedPaths);
        Assert.Contains("/api/v1/catalog", checkedPaths);
        Assert.True(checkedPaths.Count >= 12, string.Join(", ", checkedPaths));
    }

    [Theory]
    [InlineData("application/ld+json; profile=\"http://www.w3.org/ns/json-ld#compacted\"")]
    [InlineData("application/ld+json; profile=\"http://www.w3.org/ns/json-ld#expanded\"")]
    public async Task RdfToolsAskingWithAProfileGetJsonLd(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/goals/1");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await api.CreateClient().SendAsync(request);
        Assert.Equal(JsonLd, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("@context", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AListWithoutAJsonLdFormIsA406ForJsonLd()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/changes");
        request.Headers.Accept.ParseAdd(JsonLd);
        using var response = await api.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task AJsonLdPageLinksItsNeighboursInTheLinkHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sub-measures?limit=5&offset=5");
        request.Headers.Accept.ParseAdd(JsonLd);
        using var response = await api.CreateClient().SendAsync(request);
        var link = string.Join(",", response.Headers.GetValues("Link"));
        Assert.Contains("offset=10>; rel=\"next\"", link);
        Assert.Contains("offset=0>; rel=\"prev\"", link);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/json")]
    public async Task JsonStaysTheDefault(string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/goals/1");
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }
        using var response = await api.CreateClient().SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/id/goal/1", "/api/v1/goals/1")]
    [InlineData("/id/sub-measure/4-2-2", "/api/v1/sub-measures/4-2-2")]
    [InlineData("/id/kpi/population-outlook", "/api/v1/kpis/population-outlook")]
    [InlineData("/id/kpi/population-outlook/target/2040", "/api/v1/kpis/population-outlook")]
    [InlineData("/id/kpi/population-outlook/observation/2010-10-01", "/api/v1/kpis/population-outlook")]
    [InlineData("/id/local-government/012068", "/api/v1/plan")]
    [InlineData("/id/catalog", "/api/v1/catalog")]
    [InlineData("/id/scheme/national/goal-1", "/api/v1/themes/national/goal-1")]
    public async Task StableIrisRedirectToTheCurrentRepresentation(string iri, string representation)
    {
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(iri);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(representation, response.Headers.Location?.ToString());
    }

    // With a trailing slash, an IRI is another name, which names nothing: /id/catalog/ had been sent to the catalog and
    // /ns/ served the vocabulary, while /id/goal/1/ was a 404 (a linked-data review). Every one is a 404 now.
    [Theory]
    [InlineData("/id/catalog/")]
    [InlineData("/id/source-document/")]
    [InlineData("/id/goal/1/")]
    [InlineData("/id/scheme/sdgs/")]
    [InlineData("/ns/")]
    [InlineData("/ns/context.jsonld/")]
    public async Task AnIriWithATrailingSlashNamesNothing(string path) =>
        await AssertNamesNothing(path, $"Nothing is named {path}: IRIs here have no trailing slash.");

    // Routing matches a path's fixed words whatever their case, so /ID/goal/1 had been sent on while /id/Goal/1 was a 404.
    [Theory]
    [InlineData("/ID/goal/1")]
    [InlineData("/Id/catalog")]
    [InlineData("/NS")]
    [InlineData("/ns/Context.jsonld")]
    public async Task AnIriInAnotherCaseNamesNothing(string path) =>
        await AssertNamesNothing(path, $"Nothing is named {path}: IRIs here are written in lower case (/id/…, /ns).");

    private async Task AssertNamesNothing(string path, string detail)
    {
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(detail, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("detail"));
    }

    // The source text is text/plain only: a JSON-LD loader (it asks for JSON-LD and JSON, nothing else) sent to it
    // met a 406. It is sent to the plan's document, which describes the text, while a browser or curl gets the text.
    [Theory]
    [InlineData(null, "/api/v1/plan/source-document")]
    [InlineData("*/*", "/api/v1/plan/source-document")]
    [InlineData("text/plain", "/api/v1/plan/source-document")]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "/api/v1/plan/source-document")]
    [InlineData("application/ld+json, application/json", "/api/v1/plan")]
    [InlineData("application/ld+json", "/api/v1/plan")]
    [InlineData("application/json", "/api/v1/plan")]
    [InlineData("application/ld+json, text/plain;q=0.5", "/api/v1/plan")]
    [InlineData("application/ld+json;q=0.5, text/plain", "/api/v1/plan/source-document")]
    public async Task TheSourceDocumentsIriSendsEachClientToTheTextOrItsDescription(string? accept, string location)
    {
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/id/source-document");
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.ToString());
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task AJsonLdLoaderFollowingTheSourceDocumentsIriGetsItsDescription()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/id/source-document");
        request.Headers.Accept.ParseAdd("application/ld+json, application/json");
        using var response = await api.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonLd, response.Content.Headers.ContentType?.MediaType);
        var described = JsonLdNodes.Of(JsonNode.Parse(await response.Content.ReadAsStringAsync()))
            .Single(n => n["id"] is JsonValue id && ((string?)id)!.EndsWith("/id/source-document", StringComparison.Ordinal));
        Assert.NotNull(described["sha256"]);
    }

    [Theory]
    [InlineData("/id/planet/earth")]
    [InlineData("/id/goal/9")]
    [InlineData("/id/goal/%E9%87%A7")]
    [InlineData("/id/goal/%0d%0aX:1")]
    [InlineData("/id/kpi/population-outlook/target/1999")]
    [InlineData("/id/local-government/999999")]
    [InlineData("/id/kpi/not-yet-created")]
    public async Task AnIriThatNamesNothingIsA404Problem(string iri)
    {
        using var response = await api.CreateClient().GetAsync(iri);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Not Found", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("title"));
        // Not kept by a cache: staff may create the KPI it names next.
        Assert.True(response.Headers.CacheControl is { NoCache: true }, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task TheMunicipalityIsAnImiOrganisationWithItsCodeAndStatisticalArea()
    {
        var plan = await GetJsonLdAsync("/api/v1/plan");
        var rest = await api.CreateClient().GetJsonAsync("/api/v1/plan");
        var code = rest.GetProperty("municipality").Text("localGovernmentCode");
        var municipality = plan["publisher"]!;

        Assert.Equal("組織型", (string?)municipality["type"]);
        // With its foaf:name, as the catalog names its publisher (a linked-data review).
        Assert.Equal(rest.GetProperty("municipality").Text("name"), (string?)municipality["name"]);
        Assert.Equal(code, (string?)municipality["ID"]!["識別値"]);
        Assert.Equal($"http://data.e-stat.go.jp/lod/sac/C{code[..5]}", (string?)municipality["spatial"]);
        // As IMI's address tools write it, so data they enriched joins on ic:市区町村コード.
        Assert.Equal($"http://data.e-stat.go.jp/lod/sac/C{code[..5]}", (string?)municipality["住所"]!["市区町村コード"]!["id"]);
        Assert.Equal(code[..5], (string?)municipality["住所"]!["市区町村コード"]!["識別値"]);
        Assert.Equal(rest.GetProperty("municipality").GetProperty("prefecture").Text("localGovernmentCode"), (string?)municipality["isPartOf"]!["ID"]!["識別値"]);
    }

    [Fact]
    public async Task KpiFiguresAreQuantitiesWithTheExactValuesRestServes()
    {
        var kpi = await GetJsonLdAsync("/api/v1/kpis/population-outlook");
        var rest = await api.CreateClient().GetJsonAsync("/api/v1/kpis/population-outlook");
        var targets = kpi["targets"]!.AsArray();

        Assert.Equal(rest.GetProperty("targets").GetArrayLength(), targets.Count);
        foreach (var (node, json) in targets.Zip(rest.GetProperty("targets").EnumerateArray()))
        {
            Assert.Contains("数量型", node!["type"]!.AsArray().Select(t => (string?)t));
            Assert.Equal(json.GetProperty("value").GetDecimal(), decimal.Parse((string)node["数値"]!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rest.Text("unit"), (string?)node["単位表記"]);
        }
    }

    // A list of observations (where a figure's /id/ IRI leads) has no KPI node around its figures: each names its KPI.
    [Fact]
    public async Task EveryFigureNamesTheKpiItBelongsTo()
    {
        var list = await GetJsonLdAsync("/api/v1/kpis/population-outlook/observations");
        var figures = list["itemListElement"]!.AsArray();
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.Equal("http://localhost/id/kpi/population-outlook", (string?)f!["indicator"]));
        var kpi = await GetJsonLdAsync("/api/v1/kpis/population-outlook");
        Assert.All(kpi["targets"]!.AsArray(), t => Assert.Equal((string?)kpi["id"], (string?)t!["indicator"]));
    }

    // CKAN's DCAT harvester reads the publisher's name from foaf:name in the catalog itself and follows no IRI.
    [Fact]
    public async Task TheCatalogDescribesItsPublisherByName()
    {
        var catalog = await GetJsonLdAsync("/api/v1/catalog");
        var rest = await api.CreateClient().GetJsonAsync("/api/v1/catalog");
        var publisher = catalog["publisher"]!;

        Assert.Equal("http://localhost/id/local-government/" + rest.GetProperty("publisher").Text("localGovernmentCode"), (string?)publisher["id"]);
        Assert.Equal(rest.GetProperty("publisher").Text("name"), (string?)publisher["name"]);
        Assert.Equal(rest.GetProperty("publisher").Text("name"), (string?)publisher["表記"]);
        var context = JsonNode.Parse(await api.CreateClient().GetStringAsync("/ns/context.jsonld"))!["@context"]!;
        Assert.Equal("foaf:name", (string?)context["name"]!["@id"]);
    }

    [Fact]
    public async Task EveryDistributionHasAStableIriOfItsOwnWithinItsDataset()
    {
        // Blank nodes could not be matched from one harvest to the next.
        var distributions = (await GetJsonLdAsync("/api/v1/catalog"))["datasets"]!.AsArray()
            .SelectMany(d => d!["distributions"]!.AsArray().Select(x => (Dataset: (string)d["id"]!, Id: (string?)x!["id"], Url: (string)x["accessURL"]!)))
            .ToList();
        var again = (await GetJsonLdAsync("/api/v1/catalog"))["datasets"]!.AsArray()
            .SelectMany(d => d!["distributions"]!.AsArray().Select(x => (string?)x!["id"]));

        Assert.All(distributions, d => Assert.Equal(d.Dataset + "#" + d.Url["http://localhost/api/v1/".Length..], d.Id));
        Assert.Equal(distributions.Count, distributions.Select(d => d.Id).Distinct().Count());
        Assert.Equal(distributions.Select(d => d.Id), again);
    }

    [Fact]
    public async Task AConfiguredBaseIriNamesEverything()
    {
        using var configured = new ApiFactory();
        configured.Settings["LinkedData:BaseIri"] = "https://data.example.jp/kushiro";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/goals/1");
        request.Headers.Accept.ParseAdd(JsonLd);
        var body = JsonNode.Parse(await (await configured.CreateClient().SendAsync(request)).Content.ReadAsStringAsync())!;

        // The context is a document a processor fetches, served where the app is: at the root of the origin.
        Assert.Equal("https://data.example.jp/ns/context.jsonld", (string?)body["@context"]);
        // Others' IRIs stay theirs: e-Stat's areas and the licence of the English labels.
        Assert.All(Ids(body).Where(i => !i.StartsWith("http://data.e-stat", StringComparison.Ordinal) && !i.StartsWith("https://creativecommons.org/", StringComparison.Ordinal)),
            id => Assert.StartsWith("https://data.example.jp/kushiro/", id));
    }

    // The app is served at the root of its origin (README), as its 303s and Link headers say: a base IRI's path names
    // things, while a download, the source text, a list and the @context are at the API's own URLs. They had taken the path, so a
    // harvester downloading from the catalog met a 404 for every file.
    [Fact]
    public async Task ABaseIrisPathNamesThingsWhileTheApisUrlsStayAtTheRootOfItsOrigin()
    {
        using var configured = new ApiFactory();
        configured.Settings["LinkedData:BaseIri"] = "https://data.example.jp/kushiro";
        var client = configured.CreateClient();

        var catalog = await client.GetJsonLdAsync("/api/v1/catalog");
        var urls = catalog["datasets"]!.AsArray().SelectMany(d => d!["distributions"]!.AsArray())
            .SelectMany(d => new[] { (string?)d!["accessURL"], (string?)d["downloadURL"] }).OfType<string>().ToList();
        var plan = await client.GetJsonLdAsync("/api/v1/plan");
        var list = await client.GetJsonLdAsync("/api/v1/goals");

        Assert.NotEmpty(urls);
        foreach (var url in urls.Append((string?)plan["source"]!["url"]).Append((string?)list["id"]))
        {
            Assert.StartsWith("https://data.example.jp/api/v1/", url);
            // Where it is served here, with the test server's origin in place of the configured one.
            using var response = await client.GetAsync(url!["https://data.example.jp".Length..]);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
        }
        Assert.Equal("https://data.example.jp/kushiro/id/catalog", (string?)catalog["id"]);
        using var context = await client.GetAsync(((string)catalog["@context"]!)["https://data.example.jp".Length..]);
        Assert.True(context.IsSuccessStatusCode, (string?)catalog["@context"]);
    }

    private async Task<JsonNode> GetJsonLdAsync(string url) => await api.CreateClient().GetJsonLdAsync(url);

    /// <summary>Every value that names a node: "id" members, and IRIs in the members the context types as IRIs.</summary>
    private static IEnumerable<string> Ids(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "id" or "goal" or "measure" or "plan" or "kpiOf" or "spatial" or "license" or "concept"
            && p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? [(string)v!]
                : Ids(p.Value)),
        JsonArray a => a.SelectMany(Ids),
        _ => [],
    };
}
