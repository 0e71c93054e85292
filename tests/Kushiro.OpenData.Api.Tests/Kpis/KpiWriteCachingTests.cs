using System.Net;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>What a write moves for readers: the catalog's dates, ETags and Last-Modified, and what the caches keep.</summary>
public sealed class KpiWriteCachingTests : IClassFixture<WritableApiFactory>
{
    private readonly WritableApiFactory api;

    public KpiWriteCachingTests(WritableApiFactory api) => this.api = api;

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

    [Fact]
    public async Task ThePlansLastModifiedRightAfterAWriteIsThatWritesTimeSoTheFeedSinceItHoldsTheWrite()
    {
        // It was the write's stamp, the start of the next second: a date the write had not reached yet, which a second
        // write within that second shared (a harvester sending it as If-Modified-Since was told 304 and kept the first
        // write's bytes), and from which the feed's since left the write out.
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("plan-date"));
        foreach (var value in new[] { 1, 2 })
        {
            var last = await api.LastChangeSequenceAsync();
            await staff.PutJsonAsync("/api/v1/kpis/plan-date/observations/FY2024", StaffClient.Figure(value));
            var client = api.CreateClient();
            var write = (await client.GetJsonAsync($"/api/v1/changes?after={last}")).Items().Single();
            var plan = await client.GetJsonAsync("/api/v1/plan");
            var stated = plan.GetProperty("lastModified").GetDateTimeOffset();
            var graphQL = await client.GetJsonAsync("/graphql?query=" + Uri.EscapeDataString("{ plan { lastModified } }"));

            Assert.Equal(write.GetProperty("time").GetDateTimeOffset(), stated);
            // The same text: GraphQL's own scalar wrote .1181 where every other answer writes .118100.
            Assert.Equal(plan.Text("lastModified"), graphQL.GetProperty("data").GetProperty("plan").Text("lastModified"));
            var since = await client.GetJsonAsync("/api/v1/changes?since=" + Uri.EscapeDataString(plan.Text("lastModified")));
            Assert.Contains(since.Items(), c => c.GetProperty("sequence").GetInt64() == write.GetProperty("sequence").GetInt64());
        }
    }

    // The KPI dataset is themed with what its KPIs' measures and goals cover (the plan's own targets cover none), as
    // /kpis?theme= finds them: a new KPI of measure 1-1 brings 1-1's sub-measures' themes, in REST and in DCAT.
    [Fact]
    public async Task ANewKpiOfAMeasureBringsTheMeasuresThemesToTheKpiDataset()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var client = api.CreateClient();
        var before = KpiThemes(await client.GetSettledAsync("/api/v1/catalog"));
        Assert.Equal(await ThemesUnderEveryKpiAsync(client), before.Order(StringComparer.Ordinal));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("themed-kpi", goalId: "1", measureId: "1-1")).AssertAnsweredAsync(System.Net.HttpStatusCode.Created);

        var themes = KpiThemes(await client.GetSettledAsync("/api/v1/catalog"));

        Assert.Equal(await ThemesUnderEveryKpiAsync(client), themes.Order(StringComparer.Ordinal));
        Assert.Contains("sdgs:14", themes); // 1-1-1 is mapped to SDG 14
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog") { Headers = { { "Accept", "application/ld+json" } } };
        var dcat = JsonDocument.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement.GetProperty("datasets")
            .EnumerateArray().Single(d => d.Text("identifier") == "kpis").GetProperty("theme").EnumerateArray().Select(t => t.GetString()!);
        Assert.Equal(themes.Select(t => "http://localhost/id/scheme/" + t.Replace(':', '/')), dcat);
    }

    // Worked out from the lists, as a client would: the themes of the sub-measures under each KPI's measure or goal.
    private static async Task<List<string>> ThemesUnderEveryKpiAsync(HttpClient client)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kpi in (await client.GetJsonAsync("/api/v1/kpis?limit=200")).Items())
        {
            var under = kpi.GetProperty("measureId").GetString() is { } measure ? $"measure={measure}"
                : kpi.GetProperty("goalId").GetString() is { } goal ? $"goal={goal}" : null;
            if (under is not null)
            {
                foreach (var sub in (await client.GetJsonAsync($"/api/v1/sub-measures?{under}&limit=200")).Items())
                {
                    found.UnionWith(sub.GetProperty("themes").EnumerateArray().Select(t => $"{t.Text("scheme")}:{t.Text("code")}"));
                }
            }
        }
        return [.. found.Order(StringComparer.Ordinal)];
    }

    private static List<string> KpiThemes(HttpResponseMessage catalog) =>
        [.. JsonDocument.Parse(catalog.Content.ReadAsStringAsync().Result).RootElement.GetProperty("datasets").EnumerateArray()
            .Single(d => d.Text("id") == "kpis").GetProperty("themes").EnumerateArray().Select(t => t.GetString()!)];

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
}
