using System.Net;
using System.Text.Json;
using Kushiro.OpenData.Api.Tests.GraphQL;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>The write path as city staff and strangers meet it: keys, scopes, validation, audit, caches.</summary>
public sealed class KpiWriteTests : IClassFixture<WritableApiFactory>
{
    private readonly WritableApiFactory api;

    public KpiWriteTests(WritableApiFactory api) => this.api = api;

    [Fact]
    public async Task WritingWithoutAKeyIsA401ProblemAndChangesNothing()
    {
        var before = await api.CreateClient().GetJsonAsync("/api/v1/kpis");
        var response = await api.WithKey(null).PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("no-key"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("Unauthorized", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("title"));
        Assert.Equal(before.GetProperty("total").GetInt32(), (await api.CreateClient().GetJsonAsync("/api/v1/kpis")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("kod_k0000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // well-formed, unknown
    [InlineData("not-a-key")]
    public async Task AnUnknownOrMalformedKeyIsA401(string key)
    {
        var response = await api.WithKey(key).PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("bad-key"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/kpis/bad-key")).StatusCode);
    }

    [Fact]
    public async Task AKeyWithoutTheKpiWriteScopeIsA403Problem()
    {
        var key = await StaffClient.CreateKeyWithScopeAsync(api, "catalog:read");
        var response = await api.WithKey(key).PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("wrong-scope"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Forbidden", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("title"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/kpis/wrong-scope")).StatusCode);
    }

    // Root-relative, as every link of the API: built from the request's Host, it sent staff tools behind a proxy that
    // rewrites Host (or terminates TLS) to an internal or http:// address, and a forged Host named any site.
    [Fact]
    public async Task ANewKpisLocationIsRootRelativeWhateverHostTheRequestNamed()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/kpis")
        {
            Content = new StringContent(JsonSerializer.Serialize(StaffClient.NewKpi("located-relative")), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = "evil.example";
        using var created = await staff.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/kpis/located-relative", created.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AGoodKeyCreatesAKpiThatReadsBackEverywhere()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var created = await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("created-kpi", goalId: "2", measureId: "2-1"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/kpis/created-kpi", created.Headers.Location?.ToString());
        var kpi = await api.CreateClient().GetJsonAsync("/api/v1/kpis/created-kpi");
        Assert.Equal("measure", kpi.Text("level"));
        Assert.Equal("staff", kpi.Text("origin"));
        Assert.Contains("created-kpi", (await api.CreateClient().GetJsonAsync("/api/v1/measures/2-1")).GetProperty("kpis").EnumerateArray().Select(k => k.Text("id")));
        Assert.Contains("created-kpi", (await api.CreateClient().GetJsonAsync("/api/v1/kpis?goal=2")).Items().Select(k => k.Text("id")));
        var graph = (await api.CreateClient().PostGraphQLAsync("""{ measure(id: "2-1") { kpis { id origin } } }""")).Data;
        Assert.Contains("created-kpi", graph.GetProperty("measure").GetProperty("kpis").EnumerateArray().Select(k => k.Text("id")));
    }

    [Theory]
    [InlineData("""{"id":"Bad ID","name":"x","definition":"x","unit":"x","direction":"increase"}""", "Id")]
    [InlineData("""{"id":"ok-id","name":"x","definition":"x","unit":"x","direction":"upward"}""", "Direction")]
    [InlineData("""{"id":"ok-id","name":"x","definition":"x","unit":"x","direction":"increase","goalId":"9"}""", "goalId")]
    [InlineData("""{"id":"ok-id","name":"x","definition":"x","unit":"x","direction":"increase","goalId":"1","measureId":"2-1"}""", "goalId")]
    [InlineData("""{"id":"ok-id","name":"x","definition":"x","unit":"x","direction":"increase","colour":"red"}""", "colour")]
    [InlineData("""{"id":"ok-id","name":" x","definition":"x","unit":"x","direction":"increase"}""", "name")]
    [InlineData("""{"id":"ok-id","name":"x\u200B","definition":"x","unit":"x","direction":"increase"}""", "name")]
    [InlineData("""{"id":"ok-id","name":"x","definition":"目標は\u202E0302\u202C年","unit":"x","direction":"increase"}""", "definition")] // shows as 2030
    [InlineData("""{"id":"ok-id","name":"x","definition":"x","unit":"\uFEFF人","direction":"increase"}""", "unit")]
    [InlineData("""{"id":"ok-id","name":"\uDB40\uDC41x","definition":"x","unit":"x","direction":"increase"}""", "name")] // a tag character (U+E0041) first
    [InlineData("""{"id":"ok-id","name":"x","definition":"一行目\u2028二行目","unit":"x","direction":"increase"}""", "definition")]
    [InlineData("""{"id":"ok-id","name":"\u3164","definition":"x","unit":"x","direction":"increase"}""", "name")] // a Hangul filler: looks empty
    [InlineData("""{"id":"ok-id","name":"x","definition":"x","unit":"人\u2800","direction":"increase"}""", "unit")] // the braille blank
    [InlineData("""{"id":"ok-id","name":"\u0301x","definition":"x","unit":"x","direction":"increase"}""", "name")] // a mark with nothing to mark
    [InlineData("""{"id":"ok-id","name":"x\uFFFFy","definition":"x","unit":"x","direction":"increase"}""", "name")] // a noncharacter
    public async Task InvalidDefinitionsAre400sNamingTheFieldAndChangeNothing(string body, string field)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var response = await staff.PostAsync("/api/v1/kpis", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(field, problem.GetProperty("errors").ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/kpis/ok-id")).StatusCode);
    }

    [Fact]
    public async Task AFigureWriteAnswersWithItsKpiNamedByContentLocationAndANewFigureIsNotSaidToBeTheKpi()
    {
        // RFC 9110 §15.3.2: a 201's Location names what the request created. It named the KPI, which existed before;
        // without it the created resource is the figure's own URL, and Content-Location names what the body shows.
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("located"));
        HttpContent Figure(int value) => new StringContent($$"""{"value":{{value}},"source":{"title":"t"},"provenance":"editorial"}""", System.Text.Encoding.UTF8, "application/json");

        var created = await staff.PutAsync("/api/v1/kpis/located/observations/FY2021", Figure(1));
        var replaced = await staff.PutAsync("/api/v1/kpis/located/observations/FY2021", Figure(2));
        var removed = await staff.DeleteAsync("/api/v1/kpis/located/observations/FY2021");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK], new[] { created.StatusCode, replaced.StatusCode, removed.StatusCode });
        Assert.Null(created.Headers.Location);
        foreach (var answer in new[] { created, replaced, removed })
        {
            Assert.Equal("/api/v1/kpis/located", answer.Content.Headers.ContentLocation?.ToString());
            Assert.Equal("located", JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.Text("id"));
        }
        Assert.Equal(0, (await api.CreateClient().GetJsonAsync("/api/v1/kpis/located")).GetProperty("observationCount").GetInt32());
    }

    // Place names are written with variation selectors (葛󠄀: a kanji and its selector), so one may end a text.
    [Fact]
    public async Task AKanjiWithItsVariationSelectorMayEndAText()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var name = "葛\U000E0100";
        var response = await staff.PostJsonAsync("/api/v1/kpis", new { id = "selector", name, definition = "x", unit = "人", direction = "increase" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(name, (await api.CreateClient().GetJsonAsync("/api/v1/kpis/selector")).Text("name"));
    }

    [Fact]
    public async Task SeedOwnedKpisAndFiguresAreRefusedWithAConflict()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var seeded = await api.CreateClient().GetJsonAsync("/api/v1/kpis/population-outlook");
        var target = seeded.GetProperty("targets")[0].Text("period");

        var definition = await staff.PutJsonAsync("/api/v1/kpis/population-outlook",
            new { name = "書き換え", definition = "書き換え", unit = "人", direction = "increase" });
        var figure = await staff.PutJsonAsync($"/api/v1/kpis/population-outlook/targets/{target}", StaffClient.Figure(1));

        Assert.Equal(HttpStatusCode.Conflict, definition.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, figure.StatusCode);
        Assert.Equal(seeded.ToString(), (await api.CreateClient().GetJsonAsync("/api/v1/kpis/population-outlook")).ToString());
    }

    [Fact]
    public async Task StaffRemoveTheirKpiWithItsFiguresFromEveryViewAndTheFeedKeepsWhatItHeld()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("removed-kpi", goalId: "2", measureId: "2-1"));
        await staff.PutJsonAsync("/api/v1/kpis/removed-kpi/observations/FY2023", StaffClient.Figure(7));
        var byGet = GraphQLHttp.Q("""{ kpi(id: "removed-kpi") { id } }""");
        Assert.Equal("removed-kpi", (await api.CreateClient().GetGraphQLAsync(byGet)).Data.GetProperty("kpi").Text("id"));
        var last = await api.LastChangeSequenceAsync();

        var removed = await staff.DeleteAsync("/api/v1/kpis/removed-kpi");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/kpis/removed-kpi")).StatusCode);
        Assert.DoesNotContain("removed-kpi", (await api.CreateClient().GetJsonAsync("/api/v1/measures/2-1")).GetProperty("kpis").EnumerateArray().Select(k => k.Text("id")));
        Assert.DoesNotContain("removed-kpi", (await api.CreateClient().GetJsonAsync("/api/v1/kpis?limit=200")).Items().Select(k => k.Text("id")));
        Assert.Equal(JsonValueKind.Null, (await api.CreateClient().GetGraphQLAsync(byGet)).Data.GetProperty("kpi").ValueKind);
        var entries = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?after={last}")).Items().ToList();
        Assert.All(entries, e => Assert.Equal("deleted", e.Text("action")));
        Assert.Equal(new[] { "kpi:removed-kpi", "kpi-observation:removed-kpi/observation/FY2023" }.Order(), entries.Select(e => $"{e.Text("resourceType")}:{e.Text("resourceId")}").Order());
        var kpi = entries.Single(e => e.Text("resourceType") == "kpi");
        Assert.Equal("テスト指標", kpi.GetProperty("before").Text("name"));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.DeleteAsync("/api/v1/kpis/removed-kpi")).StatusCode);
    }

    [Fact]
    public async Task SeedKpisCannotBeRemovedAndStrangersCannotRemoveAny()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("kept-kpi"));
        var seeded = await api.CreateClient().GetJsonAsync("/api/v1/kpis/population-outlook");

        var seed = await staff.DeleteAsync("/api/v1/kpis/population-outlook");
        var stranger = await api.WithKey(null).DeleteAsync("/api/v1/kpis/kept-kpi");
        var reader = await api.WithKey(await StaffClient.CreateKeyWithScopeAsync(api, "catalog:read")).DeleteAsync("/api/v1/kpis/kept-kpi");

        Assert.Equal(HttpStatusCode.Conflict, seed.StatusCode);
        Assert.Contains("seed/kpis.json", await seed.Content.ReadAsStringAsync());
        Assert.Equal(seeded.ToString(), (await api.CreateClient().GetJsonAsync("/api/v1/kpis/population-outlook")).ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/api/v1/kpis/kept-kpi")).StatusCode);
    }

    // The 404 names the figure as the changes feed does (kpi-observation:{kpi}/observation/{period}), not as the URL
    // spells its role.
    [Fact]
    public async Task AMissingFigureIsNamedAsTheChangesFeedNamesFigures()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("figure-naming"));
        await staff.PutJsonAsync("/api/v1/kpis/figure-naming/observations/FY2023", StaffClient.Figure(1));
        var total = (await api.CreateClient().GetJsonAsync("/api/v1/changes?limit=1")).GetProperty("total").GetInt32();
        var feedId = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?limit=10&offset={total - 10}")).Items()
            .Last(e => e.Text("resourceType") == "kpi-observation" && e.Text("resourceId").StartsWith("figure-naming/", StringComparison.Ordinal)).Text("resourceId");

        var missing = await staff.DeleteAsync("/api/v1/kpis/figure-naming/observations/FY2024");
        var withLineBreak = await staff.DeleteAsync("/api/v1/kpis/figure-naming/observations/FY2024%0A");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("figure-naming/observation/FY2023", feedId);
        Assert.Equal("There is no figure with ID \"figure-naming/observation/FY2024\".", JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.Text("detail"));
        Assert.Equal("There is no figure with ID \"figure-naming/observation/FY2024 \".", JsonDocument.Parse(await withLineBreak.Content.ReadAsStringAsync()).RootElement.Text("detail"));
    }

    // Routing's role constraint ignores case; "Targets" on a seed KPI had been stored as an observation, past the 409
    // that protects the seed's targets, and published as the KPI's latest figure.
    [Theory]
    [InlineData("Targets")]
    [InlineData("TARGETS")]
    [InlineData("Baseline")]
    [InlineData("targets%0A")]
    public async Task ARoleNotWrittenExactlyIsA404AndChangesNothing(string role)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var seeded = (await api.CreateClient().GetJsonAsync("/api/v1/kpis/population-outlook")).ToString();

        var put = await staff.PutJsonAsync($"/api/v1/kpis/population-outlook/{role}/2040", StaffClient.Figure(1));
        var delete = await staff.DeleteAsync($"/api/v1/kpis/population-outlook/{role}/2040");

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Not Found", JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement.Text("title"));
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(seeded, (await api.CreateClient().GetJsonAsync("/api/v1/kpis/population-outlook")).ToString());
    }

    // \d matched other scripts' digits (then int.Parse threw: a 500), and $ let a trailing line break into the store.
    [Theory]
    [InlineData("20%D9%A4%D9%A5")]
    [InlineData("FY20%EF%BC%94%EF%BC%95")]
    [InlineData("FY2045%0A")]
    [InlineData("2045%0A")]
    public async Task APeriodInOtherDigitsOrWithALineBreakIsA400(string period)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("odd-periods"));

        var response = await staff.PutJsonAsync($"/api/v1/kpis/odd-periods/targets/{period}", StaffClient.Figure(1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("period", await response.Content.ReadAsStringAsync());
        Assert.Empty((await api.CreateClient().GetJsonAsync("/api/v1/kpis/odd-periods")).GetProperty("targets").EnumerateArray());
    }

    [Fact]
    public async Task AnOfficialFigureNeedsASourceUrlAndAPeriodMustBeOne()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("needs-url"));

        var noUrl = await staff.PutJsonAsync("/api/v1/kpis/needs-url/observations/FY2023", StaffClient.Figure(5, "official"));
        var badPeriod = await staff.PutJsonAsync("/api/v1/kpis/needs-url/observations/2023-02-30", StaffClient.Figure(5));

        Assert.Equal(HttpStatusCode.BadRequest, noUrl.StatusCode);
        Assert.Contains("source.url", await noUrl.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.Equal(0, (await api.CreateClient().GetJsonAsync("/api/v1/kpis/needs-url")).GetProperty("observationCount").GetInt32());
    }

    [Fact]
    public async Task AFigureWriteMovesOnlyTheKpiDatasetsDateInTheCatalog()
    {
        // A harvester (CKAN's DCAT harvester, a prefecture catalog) re-harvests a dataset whose modified moved.
        var (beforeResponse, response) = await CatalogAroundAFigureWriteAsync("catalog-dates");
        var before = Datasets(beforeResponse);
        var after = Datasets(response);
        Assert.True(after["kpis"] > before["kpis"], $"kpis: {before["kpis"]:O} → {after["kpis"]:O}");
        Assert.Equal(before["policy-structure"], after["policy-structure"]);
        Assert.Equal(before["code-lists"], after["code-lists"]);
        Assert.True(after["kpis"] <= response.Content.Headers.LastModified, "a dataset's date is never newer than the answer's");
        var catalog = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(after.Values.Max(), catalog.GetProperty("modified").GetDateTimeOffset());
    }

    [Fact]
    public async Task AFigureWriteMovesTheDateOfEveryDistributionThatHoldsFiguresAndNoOther()
    {
        // The JSON-LD export and the CSV ZIP hold the KPIs, though the policy structure and code lists list them too: a
        // harvester that downloads by a distribution's date must fetch them again there, and nothing else.
        var (beforeResponse, afterResponse) = await CatalogAroundAFigureWriteAsync("distribution-dates");
        var before = Distributions(beforeResponse);
        var after = Distributions(afterResponse);
        var moved = after.Where(d => d.Value > before[d.Key]).Select(d => d.Key).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "code-lists /api/v1/export/csv.zip", "code-lists /api/v1/export/jsonld",
                "kpis /api/v1/export/csv.zip", "kpis /api/v1/export/csv/kpi-figures.csv", "kpis /api/v1/export/csv/kpis.csv", "kpis /api/v1/export/jsonld",
                "kpis /api/v1/kpis?limit=200",
                "policy-structure /api/v1/export/csv.zip", "policy-structure /api/v1/export/jsonld",
            ],
            moved);
    }

    [Fact]
    public async Task TheCatalogDatesEachFigureWriteAsTheChangesFeedDoesSoTwoWritesInOneSecondGetTwoDates()
    {
        // Cut to whole seconds, the date came before the write it stood for, and a second write within the same
        // second left it as it was: a harvester comparing modified with its last copy missed that write for good.
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("exact-dates"));
        var dated = new List<DateTimeOffset>();
        foreach (var value in new[] { 1, 2 })
        {
            var last = await api.LastChangeSequenceAsync();
            await staff.PutJsonAsync("/api/v1/kpis/exact-dates/observations/FY2024", StaffClient.Figure(value));
            var write = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?after={last}")).Items().Single();
            var kpis = Datasets(await api.CreateClient().GetSettledAsync("/api/v1/catalog"))["kpis"];
            Assert.Equal(write.GetProperty("time").GetDateTimeOffset(), kpis);
            dated.Add(kpis);
        }
        Assert.True(dated[1] > dated[0], $"{dated[0]:O} → {dated[1]:O}");
    }

    /// <summary>The catalog read before and after a first figure of a new KPI.</summary>
    private async Task<(HttpResponseMessage Before, HttpResponseMessage After)> CatalogAroundAFigureWriteAsync(string kpiId)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi(kpiId));
        var before = await api.CreateClient().GetSettledAsync("/api/v1/catalog");
        await staff.PutJsonAsync($"/api/v1/kpis/{kpiId}/observations/FY2024", StaffClient.Figure(7));
        return (before, await api.CreateClient().GetSettledAsync("/api/v1/catalog"));
    }

    private static Dictionary<string, DateTimeOffset> Distributions(HttpResponseMessage catalog) =>
        JsonDocument.Parse(catalog.Content.ReadAsStringAsync().Result).RootElement.GetProperty("datasets").EnumerateArray()
            .SelectMany(d => d.GetProperty("distributions").EnumerateArray()
                .Select(x => (Key: $"{d.Text("id")} {x.Text("url")}", Modified: x.GetProperty("modified").GetDateTimeOffset())))
            .ToDictionary(x => x.Key, x => x.Modified);

    private static Dictionary<string, DateTimeOffset> Datasets(HttpResponseMessage catalog) =>
        JsonDocument.Parse(catalog.Content.ReadAsStringAsync().Result).RootElement.GetProperty("datasets").EnumerateArray()
            .ToDictionary(d => d.Text("id"), d => d.GetProperty("modified").GetDateTimeOffset());

    [Fact]
    public async Task AWriteChangesTheETagAndLastModifiedOfWhatItTouches()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("cache-check"));
        var before = await api.CreateClient().GetSettledAsync("/api/v1/kpis/cache-check");
        var etag = before.Headers.ETag!;

        await staff.PutJsonAsync("/api/v1/kpis/cache-check/observations/FY2024", StaffClient.Figure(3));

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/v1/kpis/cache-check");
        revalidate.Headers.IfNoneMatch.Add(etag);
        var after = await api.CreateClient().SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Null(after.Content.Headers.LastModified); // changed within this second: the ETag is the only validator
        after = await api.CreateClient().GetSettledAsync("/api/v1/kpis/cache-check");
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.True(after.Content.Headers.LastModified > before.Content.Headers.LastModified);
    }

    [Fact]
    public async Task AWriteChangesTheAnswerAndETagOfACachedGraphQLGetThatReadsWhatItTouches()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("graphql-cache-check"));
        var url = "/graphql?query=" + Uri.EscapeDataString("""{ kpi(id: "graphql-cache-check") { observations { value } } }""");
        var before = await api.CreateClient().GetAsync(url);
        var etag = before.Headers.ETag!;
        Assert.NotNull((await api.CreateClient().GetAsync(url)).Headers.Age); // kept by the output cache

        await staff.PutJsonAsync("/api/v1/kpis/graphql-cache-check/observations/FY2024", StaffClient.Figure(3));

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.IfNoneMatch.Add(etag);
        var after = await api.CreateClient().SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        var figures = JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement
            .GetProperty("data").GetProperty("kpi").GetProperty("observations");
        Assert.Equal(3m, Assert.Single(figures.EnumerateArray()).GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task AnswersKeptAfterAWriteStayKeptWhenTheOldOnesAreDropped()
    {
        // After a write the answers kept under the old data are dropped (within a second). Those kept since, under the
        // new data, must stay: a cache emptied again a second after every write would rebuild them all.
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("kept-after-write"));
        var url = "/graphql?query=" + Uri.EscapeDataString("""{ kpi(id: "kept-after-write") { id name } }""");
        await api.CreateClient().GetAsync(url);

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the old answers' eviction runs once a second
        Assert.NotNull((await api.CreateClient().GetAsync(url)).Headers.Age);
    }

    [Fact]
    public async Task ABodyOfAnotherMediaTypeIsA415SayingWhatToSend()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));

        var response = await staff.PostAsync("/api/v1/kpis", new StringContent("id=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("detail");
        Assert.Equal("Send the body as application/json (UTF-8), with that Content-Type; it was \"application/x-www-form-urlencoded; charset=utf-8\".", detail);
    }

    [Theory]
    [InlineData("2200", """{"value": 1, "source": {"title": "t"}, "provenance": "editorial"}""", "years 1800 to 2199")]
    [InlineData("2040", """{"value": 1, "source": {"title": "t", "url": "ftp://example.jp/x"}, "provenance": "editorial"}""", "absolute http(s) URL")]
    [InlineData("2040", """{"value": 1, "source": {"title": "t", "url": "javascript:alert(1)"}, "provenance": "editorial"}""", "absolute http(s) URL")]
    // Binding had said "The period field is required." of a period that was sent, as white space.
    [InlineData("%20", """{"value": 1, "source": {"title": "t"}, "provenance": "editorial"}""", "in the path is only white space.")]
    public async Task ARefusalStatesTheRuleTheInputBroke(string period, string body, string rule)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("stated-rules"));

        var response = await staff.PutAsync($"/api/v1/kpis/stated-rules/targets/{period}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.True(problem.Contains(rule, StringComparison.Ordinal), problem);
        Assert.DoesNotContain("ftp URL", problem); // the framework's wording, which promised a scheme we refuse
    }

    [Theory]
    [InlineData("""{"value": 79228162514264337593543950335, "source": {"title": "t"}, "provenance": "editorial"}""", "value")]
    [InlineData("""{"value": 0.123456789, "source": {"title": "t"}, "provenance": "editorial"}""", "value")]
    [InlineData("""{"value": 1e-30, "source": {"title": "t"}, "provenance": "editorial"}""", "value")]
    [InlineData("""{"value": 0.99999999999999999999999999999999, "source": {"title": "t"}, "provenance": "editorial"}""", "value")] // a decimal would round it to 1
    [InlineData("""{"value": 29.999999999999999999999999999999, "source": {"title": "t"}, "provenance": "editorial"}""", "value")]
    [InlineData("""{"value": "12", "source": {"title": "t"}, "provenance": "editorial"}""", "value")]
    [InlineData("""{"value": 1, "value": 2, "source": {"title": "t"}, "provenance": "editorial"}""", "value")]
    [InlineData("""{"value": 1, "source": {"title": "t", "url": "https://example.jp/a b"}, "provenance": "editorial"}""", "source.url")]
    [InlineData("""{"value": 1, "source": {"title": "t", "url": "https://example.jp/%zz"}, "provenance": "editorial"}""", "source.url")]
    [InlineData("""{"value": 1, "source": {"title": "t", "url": "https://example.jp/100%"}, "provenance": "editorial"}""", "source.url")]
    [InlineData("""{"value": 1, "source": {"title": "住民基本\u200B台帳"}, "provenance": "editorial"}""", "source.title")]
    [InlineData("""{"value": 1, "source": {"title": "t", "url": "https://staff:secret@www.city.kushiro.lg.jp/"}, "provenance": "editorial"}""", "source.url")]
    [InlineData("""{"value": 1, "source": {"title": "t", "url": "https://@www.city.kushiro.lg.jp/"}, "provenance": "editorial"}""", "source.url")]
    public async Task FiguresEveryStoreCannotKeepExactlyAreRefusedAndChangeNothing(string body, string field)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var id = $"strict-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)))[..12]}";
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi(id));
        var response = await staff.PutAsync($"/api/v1/kpis/{id}/observations/FY2020",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var kpi = await api.CreateClient().GetJsonAsync($"/api/v1/kpis/{id}");
        Assert.Equal(0, kpi.GetProperty("observationCount").GetInt32());
    }

    // The exactness check compares digits, not spellings: the same number written another way is that number.
    [Theory]
    [InlineData("1.5e2")]
    [InlineData("1500E-1")]
    [InlineData("150.000")]
    [InlineData("0.0000150e7")]
    public async Task TheSameNumberWrittenAnotherWayIsAccepted(string written)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var id = $"spelled-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(written)))[..12]}";
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi(id));
        var response = await staff.PutAsync($"/api/v1/kpis/{id}/observations/FY2020",
            new StringContent($$"""{"value": {{written}}, "source": {"title": "t"}, "provenance": "editorial"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(150m, (await api.CreateClient().GetJsonAsync($"/api/v1/kpis/{id}")).GetProperty("latest").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task TheLargestAndMostPreciseStorableValuesRoundTripExactly()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("edge-values"));
        await staff.PutJsonAsync("/api/v1/kpis/edge-values/targets/FY2030", StaffClient.Figure(-99999999999999999999.99999999m));
        await staff.PutJsonAsync("/api/v1/kpis/edge-values/observations/FY2020", StaffClient.Figure(99999999999999999999.99999999m));

        var kpi = await api.CreateClient().GetJsonAsync("/api/v1/kpis/edge-values");
        Assert.Equal(99999999999999999999.99999999m, kpi.GetProperty("latest").GetProperty("value").GetDecimal());
        Assert.Equal(-99999999999999999999.99999999m, kpi.GetProperty("targets")[0].GetProperty("value").GetDecimal());
        Assert.True(kpi.GetProperty("progress")[0].GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task WritingTheSameFigureAgainLeavesNoChangeEntry()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("same-again"));
        await staff.PutJsonAsync("/api/v1/kpis/same-again/observations/FY2020", StaffClient.Figure(7));
        var before = (await api.CreateClient().GetJsonAsync("/api/v1/changes?limit=200")).GetProperty("total").GetInt32();

        var again = await staff.PutJsonAsync("/api/v1/kpis/same-again/observations/FY2020", StaffClient.Figure(7));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(before, (await api.CreateClient().GetJsonAsync("/api/v1/changes?limit=200")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheApikeyCommandListsAndRevokesKeys()
    {
        var key = await StaffClient.CreateKeyWithCommandAsync(api);
        var id = key.Split('_')[1];
        var list = new StringWriter();
        Assert.Equal(0, await ApiKeys.ApiKeyCommand.RunAsync(api.Services, ["apikey", "list"], list, TextWriter.Null));
        Assert.Contains($"{id}\t", list.ToString());
        // Never the secret: all after "kod_{id}_" (a base64url secret may itself contain or start with "_").
        Assert.DoesNotContain(key[$"kod_{id}_".Length..], list.ToString());

        Assert.Equal(0, await ApiKeys.ApiKeyCommand.RunAsync(api.Services, ["apikey", "revoke", id], TextWriter.Null, TextWriter.Null));
        var response = await api.WithKey(key).PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("after-revoke"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    // A slip on the command line makes no key: an option taken for a name, or a key that may do nothing.
    [Theory]
    [InlineData("--name", "--scope", "kpi:write")]
    [InlineData("--name", "担当", "--scope", "")]
    [InlineData("--name", "担当", "--scope", "--name")]
    // A tab or line break in a name split `apikey list`'s columns, or faked a row of its own.
    [InlineData("--name", "担当\tkod_x\tkpi:write", "--scope", "kpi:write")]
    [InlineData("--name", "担当\nfake-id\tadmin\t2026-01-01\tactive", "--scope", "kpi:write")]
    [InlineData("--name", "  ", "--scope", "kpi:write")]
    [InlineData("--name", "担当\u2028fake-id", "--scope", "kpi:write")]
    [InlineData("--name", "担当\u202Eetirw", "--scope", "kpi:write")]
    [InlineData("--name", "\u200B", "--scope", "kpi:write")]
    [InlineData("--name", "\u3164", "--scope", "kpi:write")]
    public async Task TheApikeyCommandRefusesACommandLineSlip(params string[] options)
    {
        var before = new StringWriter();
        await ApiKeys.ApiKeyCommand.RunAsync(api.Services, ["apikey", "list"], before, TextWriter.Null);
        var output = new StringWriter();

        Assert.Equal(2, await ApiKeys.ApiKeyCommand.RunAsync(api.Services, ["apikey", "create", .. options], output, TextWriter.Null));
        Assert.Empty(output.ToString());
        var after = new StringWriter();
        await ApiKeys.ApiKeyCommand.RunAsync(api.Services, ["apikey", "list"], after, TextWriter.Null);
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Fact]
    public async Task NoAnswerCarriesADateThatAnotherWriteInTheSameSecondCouldHide()
    {
        // Two writes within one second share their second; a client given that second as Last-Modified after the first
        // could be told "not modified" after the second. So a date is only ever given once its second is over.
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("same-second"));
        for (var write = 1; write <= 5; write++)
        {
            await staff.PutJsonAsync("/api/v1/kpis/same-second/observations/FY2020", StaffClient.Figure(write));
            using var response = await api.CreateClient().GetAsync("/api/v1/kpis/same-second");
            var received = DateTimeOffset.UtcNow;
            var wholeSecond = new DateTimeOffset(received.UtcTicks - received.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            Assert.True(response.Content.Headers.LastModified is null || response.Content.Headers.LastModified < wholeSecond,
                $"Last-Modified {response.Content.Headers.LastModified:O} given at {received:O}, in a second not yet over");
        }
    }

    [Fact]
    public async Task ErrorsNameFieldsAsTheClientWroteThemAndShowNoInternals()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var wrongType = await staff.PostAsync("/api/v1/kpis", new StringContent("""{"id":"typed","name":1}""", System.Text.Encoding.UTF8, "application/json"));
        var unknown = await staff.PostAsync("/api/v1/kpis",
            new StringContent("""{"id":"typed","name":"x","definition":"x","unit":"x","direction":"increase","colour":"red"}""", System.Text.Encoding.UTF8, "application/json"));

        var first = JsonDocument.Parse(await wrongType.Content.ReadAsStringAsync()).RootElement;
        var second = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["name"], first.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(["colour"], second.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.DoesNotContain("Kushiro", first.ToString() + second.ToString());
        Assert.DoesNotContain("System.", first.ToString() + second.ToString());
    }

    // Where the JSON breaks, in the client's terms: not the parser's "Path: $ | LineNumber: 0 | BytePositionInLine: 1".
    [Fact]
    public async Task ABodyThatIsNotJsonIsTold400WhereItBreaks()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var response = await staff.PostAsync("/api/v1/kpis", new StringContent("{\n  \"id\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").ToString();
        Assert.Contains("(line 2, byte", message);
        Assert.DoesNotContain("LineNumber", message);
        Assert.DoesNotContain("Path: $", message);
    }

    // Names match whatever their case, so a body may say VALUE; the error must say VALUE too, not a half-lowered "vALUE".
    [Theory]
    [InlineData("""{"VALUE":"x","source":{"title":"a"},"provenance":"editorial"}""", "VALUE")]
    [InlineData("""{"value":1,"source":{"title":"a","TITLE":"b"},"provenance":"editorial"}""", "source.TITLE")]
    public async Task ErrorsKeepTheCaseTheClientWroteAFieldIn(string body, string field)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("cased"));
        var response = await staff.PutAsync("/api/v1/kpis/cased/observations/FY2023", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal(field, error.Name);
        Assert.DoesNotContain("this request", error.Value.ToString());
        Assert.Equal(0, (await api.CreateClient().GetJsonAsync("/api/v1/kpis/cased")).GetProperty("observationCount").GetInt32());
    }
}
