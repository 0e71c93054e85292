using System.Net;
using System.Text.Json;
using Kushiro.OpenData.Api.Tests.GraphQL;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>The write path as city staff and strangers meet it: keys, scopes, validation, audit (caches: KpiWriteCachingTests).</summary>
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

    // Two keys of ours: a valid X-API-Key had won over a bad Bearer key in silence, never the other way round. A
    // platform's own Bearer token beside X-API-Key (Cloud Run, an OAuth proxy) is what X-API-Key is for.
    [Theory]
    [InlineData("valid", "kod_k0000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", HttpStatusCode.Unauthorized)]
    [InlineData("kod_k0000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "valid", HttpStatusCode.Unauthorized)]
    [InlineData("valid", "eyJhbGciOiJSUzI1NiJ9.platform-token", HttpStatusCode.Created)]
    [InlineData("valid", "valid", HttpStatusCode.Created)]
    public async Task TwoDifferentKeysAreA401AndAPlatformsBearerTokenBesideXApiKeyIsLeftAlone(string inXApiKey, string bearer, HttpStatusCode expected)
    {
        var valid = await StaffClient.CreateKeyWithCommandAsync(api);
        var id = $"two-headers-{Guid.NewGuid():N}"[..30];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/kpis")
        {
            Content = new StringContent(JsonSerializer.Serialize(StaffClient.NewKpi(id)), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-API-Key", inXApiKey == "valid" ? valid : inXApiKey);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + (bearer == "valid" ? valid : bearer));

        using var response = await api.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Contains("Two different API keys", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("detail"));
            Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync($"/api/v1/kpis/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task AKeyAfterAnIdeographicSpaceIsMalformed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/kpis")
        {
            Content = new StringContent(JsonSerializer.Serialize(StaffClient.NewKpi("ideographic-space")), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer \u3000" + await StaffClient.CreateKeyWithCommandAsync(api));

        using var response = await api.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
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
    public async Task ADeletedKpisAddressSaysWhenItWasDeletedAndWhereTheFeedHasIt()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("gone-kpi", goalId: "2", measureId: "2-1"));
        await staff.PutJsonAsync("/api/v1/kpis/gone-kpi/observations/FY2022", StaffClient.Figure(1));
        await staff.PutJsonAsync("/api/v1/kpis/gone-kpi/observations/FY2023", StaffClient.Figure(2));
        var before = await api.LastChangeSequenceAsync();
        await staff.DeleteAsync("/api/v1/kpis/gone-kpi");
        // One write, three entries: the two figures and the KPI. The link starts with the first of them.
        var entries = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?after={before}")).Items().ToList();
        Assert.Equal(["kpi", "kpi-observation", "kpi-observation"], entries.Select(e => e.Text("resourceType")).Order());
        var deletion = entries.Single(e => e.Text("resourceType") == "kpi");
        Assert.Equal(("kpi", "gone-kpi", "deleted"), (deletion.Text("resourceType"), deletion.Text("resourceId"), deletion.Text("action")));

        // Its IRI and its figures' IRIs too: they had said only "Nothing is named".
        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, "/api/v1/kpis/gone-kpi"), (HttpMethod.Get, "/api/v1/kpis/gone-kpi/observations"), (HttpMethod.Delete, "/api/v1/kpis/gone-kpi"),
            (HttpMethod.Get, "/id/kpi/gone-kpi"), (HttpMethod.Get, "/id/kpi/gone-kpi/observation/FY2023"),
        })
        {
            var response = await staff.SendAsync(new HttpRequestMessage(method, path));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("detail");
            // The time as the feed writes it, and the feed's query that starts at the deletion's first entry.
            Assert.Contains($"deleted at {deletion.Text("time")}, change {deletion.GetProperty("sequence").GetInt64()} ", detail);
            Assert.Contains($"/api/v1/changes?after={before})", detail);
            Assert.DoesNotContain("\" it was", detail);
        }
        var figure = await staff.PutJsonAsync("/api/v1/kpis/gone-kpi/observations/FY2024", StaffClient.Figure(1));
        Assert.Contains("deleted at", JsonDocument.Parse(await figure.Content.ReadAsStringAsync()).RootElement.Text("detail"));
        var never = await api.CreateClient().GetAsync("/api/v1/kpis/never-a-kpi");
        Assert.DoesNotContain("deleted", JsonDocument.Parse(await never.Content.ReadAsStringAsync()).RootElement.Text("detail"));

        // Created again under the same ID, it is a KPI again, and its 404s after a second deletion name that one.
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("gone-kpi", goalId: "2", measureId: "2-1"));
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/api/v1/kpis/gone-kpi")).StatusCode);
        await staff.DeleteAsync("/api/v1/kpis/gone-kpi");
        var again = await api.CreateClient().GetAsync("/api/v1/kpis/gone-kpi");
        Assert.Contains($"/api/v1/changes?after={await api.LastChangeSequenceAsync() - 1}", JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.Text("detail"));
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

    // A mirror following a figure's entry in the feed, or its own URL, learns that the figure was deleted and from which
    // change on, as it does for a KPI; a figure that never was is a plain 404.
    [Fact]
    public async Task ADeletedFiguresAddressSaysWhenItWasDeleted()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("figure-gone"));
        await staff.PutJsonAsync("/api/v1/kpis/figure-gone/targets/FY2030", StaffClient.Figure(5));
        var before = await api.LastChangeSequenceAsync();
        Assert.Equal(HttpStatusCode.OK, (await staff.DeleteAsync("/api/v1/kpis/figure-gone/targets/FY2030")).StatusCode);
        var deletion = Assert.Single((await api.CreateClient().GetJsonAsync($"/api/v1/changes?after={before}")).Items());
        Assert.Equal(("kpi-target", "figure-gone/target/FY2030", "deleted"), (deletion.Text("resourceType"), deletion.Text("resourceId"), deletion.Text("action")));

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Delete })
        {
            var response = await staff.SendAsync(new HttpRequestMessage(method, "/api/v1/kpis/figure-gone/targets/FY2030"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal($"There is no figure with ID \"figure-gone/target/FY2030\": it was deleted at {deletion.Text("time")}, change {deletion.GetProperty("sequence").GetInt64()} of the changes feed (/api/v1/changes?after={before}).",
                JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("detail"));
        }
        var never = await api.CreateClient().GetAsync("/api/v1/kpis/figure-gone/observations/FY2030");
        Assert.Equal("There is no figure with ID \"figure-gone/observation/FY2030\".", JsonDocument.Parse(await never.Content.ReadAsStringAsync()).RootElement.Text("detail"));
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
        Assert.StartsWith(@"There is no figure with ID ""figure-naming/observation/FY2024\u000A"": ""FY2024\u000A"" is not a period", JsonDocument.Parse(await withLineBreak.Content.ReadAsStringAsync()).RootElement.Text("detail"));
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
        var (list, header) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await ApiKeys.ApiKeyCommand.RunAsync(api.Services, ["apikey", "list"], list, header));
        // One key a line on the output, its columns named on the error stream; times as the API writes them.
        Assert.Equal("ID\tname\tscopes\tcreated\tstate", header.ToString().TrimEnd());
        var row = list.ToString().Split('\n').Single(line => line.StartsWith($"{id}\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal(5, row.Length);
        Assert.Equal(Api.Http.DateTimeText.Format(DateTimeOffset.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture)), row[3]);
        // Never the secret: all after "kod_{id}_" (a base64url secret may itself contain or start with "_").
        Assert.DoesNotContain(key[$"kod_{id}_".Length..], list.ToString());

        Assert.Equal(0, await ApiKeys.ApiKeyCommand.RunAsync(api.Services, ["apikey", "revoke", id], TextWriter.Null, TextWriter.Null));
        var response = await api.WithKey(key).PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("after-revoke"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        // A second revoke says when the key stopped working, not that it was revoked now.
        var again = new StringWriter();
        Assert.Equal(0, await ApiKeys.ApiKeyCommand.RunAsync(api.Services, ["apikey", "revoke", id], TextWriter.Null, again));
        Assert.StartsWith($"API key {id} was already revoked at ", again.ToString());
        var revokedList = new StringWriter();
        await ApiKeys.ApiKeyCommand.RunAsync(api.Services, ["apikey", "list"], revokedList, TextWriter.Null);
        var revokedAt = revokedList.ToString().Split('\n').Single(line => line.StartsWith($"{id}\t", StringComparison.Ordinal)).Split('\t')[4]["revoked ".Length..].TrimEnd();
        Assert.Equal($"API key {id} was already revoked at {revokedAt}.", again.ToString().TrimEnd());
        Assert.Equal(Api.Http.DateTimeText.Format(DateTimeOffset.Parse(revokedAt, System.Globalization.CultureInfo.InvariantCulture)), revokedAt);
        Assert.Equal(2, await ApiKeys.ApiKeyCommand.RunAsync(api.Services, ["apikey", "list", "--all"], TextWriter.Null, TextWriter.Null));
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
    // A stray word was ignored: `--name 総合 政策部` named the key "総合" without a word about the rest.
    [InlineData("--name", "総合", "政策部")]
    [InlineData("--name", "担当", "--scope", "kpi:write", "--name", "別")]
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

}
