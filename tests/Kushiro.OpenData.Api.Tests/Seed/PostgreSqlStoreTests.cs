using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.Tests.Seed;

/// <summary>
/// The same API on PostgreSQL (<c>Store__Provider=postgresql</c>) serves the same bytes as on SQLite, and
/// brings its store up to date from the seed the same way.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class PostgreSqlStoreTests(SharedApiFactory sqlite)
{
    [PostgreSqlFact]
    public async Task PostgreSqlServesExactlyWhatSqliteServes()
    {
        using var postgres = new PostgreSqlApiFactory();
        try
        {
            var onPostgres = postgres.CreateClient();
            var onSqlite = sqlite.CreateClient();
            foreach (var url in new[]
            {
                "/api/v1/goals", "/api/v1/goals/3", "/api/v1/measures?limit=200", "/api/v1/measures/3-4",
                "/api/v1/sub-measures?limit=200", "/api/v1/sub-measures?goal=4&limit=5&offset=5", "/api/v1/sub-measures/4-2-2",
                "/api/v1/plan/source-document",
            })
            {
                Assert.Equal(await onSqlite.GetStringAsync(url), await onPostgres.GetStringAsync(url));
            }
            // The plan differs only in when each store was filled.
            var plans = new[] { await onSqlite.GetStringAsync("/api/v1/plan"), await onPostgres.GetStringAsync("/api/v1/plan") }
                .Select(json => { var plan = JsonNode.Parse(json)!.AsObject(); plan.Remove("lastModified"); return plan.ToJsonString(); });
            Assert.Single(plans.Distinct());
            await onPostgres.GetJsonAsync("/api/v1/goals/9", System.Net.HttpStatusCode.NotFound);
            // A primary that takes writes (not a standby, not read-only by default) is healthy, as the SQLite file is.
            Assert.Equal("Healthy", await onPostgres.GetStringAsync("/health"));
            // The factory's database did not exist before this start: creating it is no error, and an operator reading
            // the log of a first start should meet no failure (the BaseIri warning is the tests' configuration).
            Assert.All(postgres.Problems, p => Assert.StartsWith("LinkedData:BaseIri is not set", p, StringComparison.Ordinal));
        }
        finally
        {
            PostgreSqlApiFactory.Drop(postgres.Database);
        }
    }

    [PostgreSqlFact]
    public Task TwoInstancesStartingTogetherOnAnEmptyDatabaseImportOnceAndLogNoFailure() => TwoInstancesStartTogetherAsync(databaseMadeFirst: true);

    [PostgreSqlFact]
    public Task TwoInstancesStartingTogetherWithoutADatabaseMakeItOnceAndLogNoFailure() => TwoInstancesStartTogetherAsync(databaseMadeFirst: false);

    private static async Task TwoInstancesStartTogetherAsync(bool databaseMadeFirst)
    {
        // A first deployment of two instances: they raced to migrate and import, and the loser's rolled-back attempts
        // were logged as failures (duplicate keys, a table already there, the database already made), which
        // operators' alerts take for errors.
        var database = databaseMadeFirst ? await EmptyDatabaseAsync() : $"kushiro_test_{Guid.NewGuid():N}";
        try
        {
            using var first = new PostgreSqlApiFactory(database: database);
            using var second = new PostgreSqlApiFactory(database: database);
            var clients = await Task.WhenAll(Task.Run(first.CreateClient), Task.Run(second.CreateClient));

            foreach (var client in clients)
            {
                Assert.Equal(47, (await client.GetJsonAsync("/api/v1/sub-measures?limit=200")).GetProperty("total").GetInt32());
            }
            // One import: the feed has each seeded goal once.
            var changes = await clients[0].GetJsonAsync("/api/v1/changes?limit=200");
            Assert.Equal(4, changes.GetProperty("items").EnumerateArray().Count(c => c.Text("resourceType") == "goal"));
            Assert.All(first.Problems.Concat(second.Problems), p => Assert.StartsWith("LinkedData:BaseIri is not set", p, StringComparison.Ordinal));
        }
        finally
        {
            PostgreSqlApiFactory.Drop(database);
        }
    }

    [PostgreSqlFact]
    public async Task AStartWaitsWhileAnotherInstanceBringsTheStoreUpToDate()
    {
        // Another instance's migrations and import, held here by hand: the start waits for them, then finds the store
        // current, instead of migrating and importing beside them.
        var database = await EmptyDatabaseAsync();
        try
        {
            await using var other = new Npgsql.NpgsqlConnection(PostgreSqlApiFactory.ConnectionStringFor(database));
            await other.OpenAsync();
            await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({Api.Data.StoreSetupLock.LockKey})", other))
            {
                await take.ExecuteNonQueryAsync();
            }
            using var api = new PostgreSqlApiFactory(database: database);
            var starting = Task.Run(api.CreateClient);
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.False(starting.IsCompleted, "the start did not wait for the other instance");

            // Released by hand: closing a pooled connection keeps its session, and the lock with it.
            await using (var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({Api.Data.StoreSetupLock.LockKey})", other))
            {
                await release.ExecuteNonQueryAsync();
            }
            var client = await starting.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(47, (await client.GetJsonAsync("/api/v1/sub-measures?limit=200")).GetProperty("total").GetInt32());
        }
        finally
        {
            PostgreSqlApiFactory.Drop(database);
        }
    }

    private static async Task<string> EmptyDatabaseAsync()
    {
        var database = $"kushiro_test_{Guid.NewGuid():N}";
        await using var server = new Npgsql.NpgsqlConnection(PostgreSqlApiFactory.ConnectionStringFor("postgres"));
        await server.OpenAsync();
        await using var create = server.CreateCommand();
        create.CommandText = $"CREATE DATABASE \"{database}\"";
        await create.ExecuteNonQueryAsync();
        return database;
    }

    [PostgreSqlFact]
    public async Task PostgreSqlStoreTakesSeedEditsAndIsLeftAsItWasByABrokenSeed()
    {
        using var seed = new SeedFolder();
        var database = $"kushiro_test_{Guid.NewGuid():N}";
        try
        {
            using (var first = new PostgreSqlApiFactory(seed.Path, database))
            {
                await first.CreateClient().GetJsonAsync("/api/v1/plan");
            }
            seed.EditRecord("goals.json", 2, g => g["title"] = "人材を育てる(改訂)");
            using (var edited = new PostgreSqlApiFactory(seed.Path, database))
            {
                Assert.Equal("人材を育てる(改訂)", (await edited.CreateClient().GetJsonAsync("/api/v1/goals/2")).Text("title"));
            }
            seed.EditRecord("goals.json", 3, g => g["title"] = "書き換え").EditRecord("goals.json", 4, g => g.Remove("marker"));
            using (var broken = new PostgreSqlApiFactory(seed.Path, database))
            {
                Assert.ThrowsAny<Exception>(() => broken.CreateClient());
                Assert.Contains(broken.Problems, m => m.Contains("seed/goals.json, record 4 (id \"4\"), field \"marker\": is required", StringComparison.Ordinal));
            }
            // Read the store itself: starting the API again would re-sync it and hide a partial write.
            var expected = SourceDocument.Load().Goals.Select(g => g.Title).ToList();
            expected[1] = "人材を育てる(改訂)";
            Assert.Equal(expected, GoalTitles(PostgreSqlApiFactory.ConnectionStringFor(database)));
        }
        finally
        {
            PostgreSqlApiFactory.Drop(database);
        }
    }

    [PostgreSqlFact]
    public Task ADatabaseCreatedEmptyForTheApiIsFilledWithoutErrorsInTheLog() =>
        // How a DBA often hands over a store: the database exists, owned by the API's role, with nothing in it.
        StartsOnAndFillsWithoutErrors(prepared: null);

    [PostgreSqlFact]
    public Task AFirstStartStoppedBeforeItsMigrationsRanIsCompletedByTheNextStart() =>
        // A first start makes EF Core's migrations history table, then migrates: stopped in between, it leaves that.
        StartsOnAndFillsWithoutErrors(prepared: """
            CREATE TABLE "__EFMigrationsHistory" (
                "MigrationId" character varying(150) NOT NULL,
                "ProductVersion" character varying(32) NOT NULL,
                CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId"))
            """);

    private static async Task StartsOnAndFillsWithoutErrors(string? prepared)
    {
        var database = $"kushiro_test_{Guid.NewGuid():N}";
        Run("postgres", $"CREATE DATABASE \"{database}\"");
        try
        {
            if (prepared is not null)
            {
                Run(database, prepared);
            }
            using var api = new PostgreSqlApiFactory(database: database);
            var plan = await api.CreateClient().GetJsonAsync("/api/v1/plan");
            Assert.Equal(47, plan.GetProperty("counts").GetProperty("subMeasures").GetInt32());
            Assert.All(api.Problems, p => Assert.StartsWith("LinkedData:BaseIri is not set", p, StringComparison.Ordinal));
        }
        finally
        {
            PostgreSqlApiFactory.Drop(database);
        }

        static void Run(string on, string sql)
        {
            using var connection = new Npgsql.NpgsqlConnection(PostgreSqlApiFactory.ConnectionStringFor(on));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    [PostgreSqlFact]
    public async Task InstancesStartingTogetherOnAFreshStoreAllComeUp()
    {
        var database = $"kushiro_test_{Guid.NewGuid():N}";
        var instances = Enumerable.Range(0, 3).Select(_ => new PostgreSqlApiFactory(database: database)).ToList();
        try
        {
            var starts = instances.Select(i => Task.Run(() => i.CreateClient().GetJsonAsync("/api/v1/plan")));
            var plans = await Task.WhenAll(starts);
            Assert.All(plans, plan => Assert.Equal(47, plan.GetProperty("counts").GetProperty("subMeasures").GetInt32()));
        }
        finally
        {
            instances.ForEach(i => i.Dispose());
            PostgreSqlApiFactory.Drop(database);
        }
    }

    private static List<string> GoalTitles(string connectionString)
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Title\" FROM \"Goals\" ORDER BY \"Order\"";
        using var reader = command.ExecuteReader();
        var titles = new List<string>();
        while (reader.Read())
        {
            titles.Add(reader.GetString(0));
        }
        return titles;
    }
}
