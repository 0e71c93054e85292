using Microsoft.Data.Sqlite;
using System.Net;

namespace Kushiro.OpenData.Api.Tests.Seed;

/// <summary>How the API brings its store up to date from the seed when it starts.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task FirstStartCreatesTheStoreFileAndImportsTheSeed()
    {
        using var api = new ApiFactory();
        Assert.False(File.Exists(api.DatabasePath));
        var plan = await api.CreateClient().GetJsonAsync("/api/v1/plan");
        Assert.True(File.Exists(api.DatabasePath));
        var store = StoreSnapshot.Read(api.DatabasePath);
        Assert.Equal(SourceDocument.Load().Goals.Select(g => g.Title), store.GoalTitles);
        Assert.Equal(47, store.SubMeasures);
        Assert.Equal(plan.GetProperty("counts").GetProperty("subMeasures").GetInt32(), store.SubMeasures);
    }

    // EF Core's migrations history table on SQLite, as a first start makes it before it migrates.
    private const string EmptyMigrationsHistory = """
        CREATE TABLE "__EFMigrationsHistory" (
            "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
            "ProductVersion" TEXT NOT NULL)
        """;

    [Fact]
    public async Task AFirstStartStoppedBeforeItsMigrationsRanIsCompletedByTheNextStart()
    {
        // A first start makes the store file and EF Core's migrations history table, then migrates: stopped in between
        // (killed, or the disk full), it leaves a file with only that empty table.
        using var api = new ApiFactory();
        Execute(api.DatabasePath, EmptyMigrationsHistory);

        var plan = await api.CreateClient().GetJsonAsync("/api/v1/plan");
        Assert.Equal(47, plan.GetProperty("counts").GetProperty("subMeasures").GetInt32());
        Assert.Equal(47, StoreSnapshot.Read(api.DatabasePath).SubMeasures);
        Assert.All(api.Problems, p => Assert.StartsWith("LinkedData:BaseIri is not set", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMigrationsLockLeftByAStartStoppedWhileMigratingIsDeletedWithAWarning()
    {
        // EF Core locks a SQLite store for migrating with a row it deletes when done. A start killed while migrating
        // leaves the row (here, ten minutes ago), and EF Core alone would wait for it without end.
        using var api = new ApiFactory();
        var taken = DateTimeOffset.UtcNow.AddMinutes(-10);
        Execute(api.DatabasePath, EmptyMigrationsHistory,
            """CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL)""",
            $"""INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '{taken:yyyy-MM-dd HH:mm:ss.FFFFFFFzzz}')""");

        var start = Task.Run(() => api.CreateClient());
        Assert.Same(start, await Task.WhenAny(start, Task.Delay(TimeSpan.FromSeconds(60))));
        var plan = await (await start).GetJsonAsync("/api/v1/plan");
        Assert.Equal(47, plan.GetProperty("counts").GetProperty("subMeasures").GetInt32());
        var warning = Assert.Single(api.Problems, p => p.StartsWith("Deleted a migrations lock taken at", StringComparison.Ordinal));
        Assert.Contains(taken.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenSeedStopsTheStartNamingFileRecordAndFieldAndLeavesTheStoreUntouched()
    {
        using var good = new ApiFactory();
        await good.CreateClient().GetJsonAsync("/api/v1/goals");
        var before = StoreSnapshot.Read(good.DatabasePath);

        // A valid edit next to an invalid one: neither may reach the store.
        using var seed = new SeedFolder()
            .EditRecord("goals.json", 1, g => g["title"] = "書き換えたタイトル")
            .EditRecord("goals.json", 2, g => g.Remove("title"));
        using var broken = new ApiFactory(seed.Path, good.DatabasePath);

        Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        Assert.Contains(broken.Problems, m => m.Contains("seed/goals.json, record 2 (id \"2\"), field \"title\": is required", StringComparison.Ordinal));
        var after = StoreSnapshot.Read(good.DatabasePath);
        Assert.Equal((before.SeedHash, before.LastModified, before.SubMeasures), (after.SeedHash, after.LastModified, after.SubMeasures));
        Assert.Equal(before.GoalTitles, after.GoalTitles);
    }

    [Fact]
    public async Task AStartRefusedForASettingLeavesTheStoreAsItWasThoughTheSeedChanged()
    {
        // Settings were checked only as the server started, after the store had taken the new seed: instances still
        // running on a shared store served it, while the operator read that the start had failed.
        using var good = new ApiFactory();
        await good.CreateClient().GetJsonAsync("/api/v1/goals");
        var before = StoreSnapshot.Read(good.DatabasePath);
        using var seed = new SeedFolder().EditRecord("goals.json", 1, g => g["title"] = "書き換えたタイトル");
        using var refused = new ApiFactory(seed.Path, good.DatabasePath) { Settings = { ["RateLimit:PermitsPerMinute"] = "-1" } };

        Assert.ThrowsAny<Exception>(() => refused.CreateClient());
        Assert.Contains(refused.Problems, p => p.StartsWith("Not starting: ", StringComparison.Ordinal) && p.Contains("RateLimit:PermitsPerMinute", StringComparison.Ordinal));
        var after = StoreSnapshot.Read(good.DatabasePath);
        Assert.Equal((before.SeedHash, before.LastModified), (after.SeedHash, after.LastModified));
        Assert.Equal(before.GoalTitles, after.GoalTitles);
    }

    [Fact]
    public async Task EditedSeedIsAppliedOnNextStartAndChangesLastModifiedAndETag()
    {
        using var seed = new SeedFolder();
        var database = Path.Combine(seed.Path, "..", "store.db");
        string etag, lastModified;
        using (var first = new ApiFactory(seed.Path, database))
        {
            using var response = await first.CreateClient().GetSettledAsync("/api/v1/goals/1");
            (etag, lastModified) = (response.Headers.ETag!.Tag, response.Content.Headers.GetValues("Last-Modified").Single());
        }
        var before = StoreSnapshot.Read(database);

        await Task.Delay(TimeSpan.FromSeconds(1.1)); // Last-Modified has one-second resolution.
        seed.EditRecord("goals.json", 1, g => g["title"] = "地域の魅力を生かす(改訂)")
            .EditFile("sub-measures.json", root => root.AsArray().RemoveAt(root.AsArray().Count - 1))
            // A removed sub-measure's theme mappings and English label go with it (the seed check names any left behind).
            .EditFile("sub-measure-themes.json", root => RemoveWhere(root, m => (string?)m["subMeasureId"] == "4-2-3"))
            .EditFile("english-labels.json", root => RemoveWhere(root, l => (string?)l["id"] == "4-2-3"));
        using var second = new ApiFactory(seed.Path, database);
        var client = second.CreateClient();
        using var after = await client.GetSettledAsync("/api/v1/goals/1");
        Assert.Equal("地域の魅力を生かす(改訂)", (await client.GetJsonAsync("/api/v1/goals/1")).Text("title"));
        Assert.NotEqual(etag, after.Headers.ETag!.Tag);
        Assert.NotEqual(lastModified, after.Content.Headers.GetValues("Last-Modified").Single());
        await client.GetJsonAsync("/api/v1/sub-measures/4-2-3", HttpStatusCode.NotFound);
        Assert.Equal(46, (await client.GetJsonAsync("/api/v1/plan")).GetProperty("counts").GetProperty("subMeasures").GetInt32());
        var stored = StoreSnapshot.Read(database);
        Assert.NotEqual(before.SeedHash, stored.SeedHash);
        Assert.Equal(before.GoalTitles.Skip(1), stored.GoalTitles.Skip(1));
    }

    [Fact]
    public async Task UnchangedSeedLeavesTheStoreAndLastModifiedAsTheyWere()
    {
        using var seed = new SeedFolder();
        var database = Path.Combine(seed.Path, "..", "store.db");
        using (var first = new ApiFactory(seed.Path, database))
        {
            await first.CreateClient().GetJsonAsync("/api/v1/plan");
        }
        var before = StoreSnapshot.Read(database);
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        using var second = new ApiFactory(seed.Path, database);
        await second.CreateClient().GetJsonAsync("/api/v1/plan");
        var after = StoreSnapshot.Read(database);
        Assert.Equal((before.SeedHash, before.LastModified), (after.SeedHash, after.LastModified));
    }

    [Fact]
    public async Task EditedPlanDetailsReachTheStoreOnNextStart()
    {
        using var seed = new SeedFolder();
        var database = Path.Combine(seed.Path, "..", "store.db");
        using (var first = new ApiFactory(seed.Path, database))
        {
            await first.CreateClient().GetJsonAsync("/api/v1/plan");
        }
        seed.EditFile("plan.json", plan =>
        {
            plan["status"] = "策定版";
            plan["sourceDocument"]!["title"] = "第2期釧路市まち・ひと・しごと創生総合戦略";
            plan["licence"]!["compatibleWith"] = null;
        });
        using var second = new ApiFactory(seed.Path, database);
        var served = await second.CreateClient().GetJsonAsync("/api/v1/plan");
        Assert.Equal("策定版", served.Text("status"));
        Assert.Equal("第2期釧路市まち・ひと・しごと創生総合戦略", served.GetProperty("sourceDocument").Text("title"));
        Assert.Null(served.GetProperty("licence").NullableText("compatibleWith"));
    }

    [Fact]
    public async Task StoreMarkedAsWrittenByAnotherBuildGetsANewLastModified()
    {
        // A new build may serve the same data with new fields; If-Modified-Since must not answer 304 for it.
        using var seed = new SeedFolder();
        var database = Path.Combine(seed.Path, "..", "store.db");
        using (var first = new ApiFactory(seed.Path, database))
        {
            await first.CreateClient().GetJsonAsync("/api/v1/plan");
        }
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE StoreStates SET AppBuild = 'an-older-build'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }
        var before = StoreSnapshot.Read(database);
        await Task.Delay(TimeSpan.FromSeconds(1.1));

        using var second = new ApiFactory(seed.Path, database);
        using var response = await second.CreateClient().GetSettledAsync("/api/v1/goals");
        var after = StoreSnapshot.Read(database);
        Assert.Equal(before.SeedHash, after.SeedHash);
        Assert.NotEqual(before.LastModified, after.LastModified);
        Assert.True(response.Content.Headers.LastModified > DateTimeOffset.Parse(before.LastModified, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.0009")] // passed "above 0", then ended the serving host: the timer's least period is a millisecond
    [InlineData("3601")]
    [InlineData("five")]
    public void ARefreshIntervalOutOfRangeStopsTheStartNamingTheSetting(string value)
        => ApiFactory.AssertStartRefused("Store:RefreshSeconds", value);

    [Theory]
    [InlineData("opendata.example.jp")] // no scheme: every IRI and the @context came out relative
    [InlineData("https://opendata.example.jp/kushiro?x=1")] // the query ended up inside every IRI
    [InlineData("https://opendata.example.jp/#top")]
    [InlineData("ftp://opendata.example.jp")]
    [InlineData("https://opendata.example.jp/<x>")] // Uri would have escaped it; the raw text went into every document
    [InlineData("https://opendata.example.jp/{base}")]
    [InlineData("https://opendata.example.jp/a%zz")]
    [InlineData("https://opendata.example.jp/x\n")] // a line feed from a YAML block or a secret file
    public void ABaseIriJsonLdProcessorsCannotUseStopsTheStartNamingTheSetting(string value)
        => ApiFactory.AssertStartRefused("LinkedData:BaseIri", value);

    // Minted as written, IRI characters and all; but as IRIs HTTPS://X.Example:443/… and https://x.example/… differ,
    // so a join with anyone else's links would miss: scheme and host in lower case, no default port.
    [Theory]
    [InlineData("https://opendata.example.jp/釧路", "https://opendata.example.jp/釧路")]
    [InlineData("https://opendata.example.jp/%E9%87%A7%E8%B7%AF", "https://opendata.example.jp/%E9%87%A7%E8%B7%AF")]
    [InlineData("https://opendata.example.jp/𠮷", "https://opendata.example.jp/𠮷")] // beyond the BMP, as RFC 3987 allows
    [InlineData("HTTPS://OpenData.Example.JP:443/Kushiro", "https://opendata.example.jp/Kushiro")]
    [InlineData("Http://opendata.example.jp:80", "http://opendata.example.jp")]
    [InlineData("https://opendata.example.jp:8443/", "https://opendata.example.jp:8443")]
    public async Task ABaseIriWrittenAsAnIriStartsAndNamesEverything(string value, string minted)
    {
        using var configured = new ApiFactory();
        configured.Settings["LinkedData:BaseIri"] = value;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/goals/1");
        request.Headers.Accept.ParseAdd("application/ld+json");
        using var response = await configured.CreateClient().SendAsync(request);

        var document = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(minted + "/id/goal/1", (string?)document["id"]);
    }

    [Fact]
    public async Task AnotherInstanceUpdatingTheSharedStoreMovesThisInstancesLastModified()
    {
        using var seed = new SeedFolder();
        var database = Path.Combine(seed.Path, "..", "store.db");
        using var running = new ApiFactory(seed.Path, database) { Settings = { ["Store:RefreshSeconds"] = "0.2" } };
        var client = running.CreateClient();
        var before = (await client.GetSettledAsync("/api/v1/goals")).Content.Headers.LastModified;
        await Task.Delay(TimeSpan.FromSeconds(1.1));

        seed.EditRecord("goals.json", 4, g => g["title"] = "持続可能なまちをつくる(改訂)");
        using (var other = new ApiFactory(seed.Path, database))
        {
            await other.CreateClient().GetJsonAsync("/api/v1/plan");
        }

        // The running instance re-reads the store every 0.2 s; give it a generous while.
        DateTimeOffset? after = before;
        for (var i = 0; i < 50 && after == before; i++)
        {
            await Task.Delay(100);
            after = (await client.GetSettledAsync("/api/v1/goals")).Content.Headers.LastModified;
        }
        Assert.True(after > before, $"Last-Modified stayed {before}");
        Assert.Equal("持続可能なまちをつくる(改訂)", (await client.GetJsonAsync("/api/v1/goals/4")).Text("title"));
    }

    private static void Execute(string database, params string[] statements)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private static void RemoveWhere(System.Text.Json.Nodes.JsonNode array, Func<System.Text.Json.Nodes.JsonNode, bool> match)
    {
        foreach (var item in array.AsArray().Where(i => match(i!)).ToList())
        {
            array.AsArray().Remove(item);
        }
    }
}
