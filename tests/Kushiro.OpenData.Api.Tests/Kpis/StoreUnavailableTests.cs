using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>A write the store cannot take (busy too long, or read-only) is a 503 that leaves nothing behind.</summary>
public sealed class StoreUnavailableTests
{
    [Fact]
    public async Task AWriteToAStoreThisServerCannotWriteIsA503NotAConflictToRetry()
    {
        // A store file restored as another user is opened read-only. It had been a 409 "read it again and retry",
        // which a client would follow without end while the operators heard nothing.
        using var writable = new ApiFactory();
        var key = await StaffClient.CreateKeyWithCommandAsync(writable);
        Assert.Equal(HttpStatusCode.Created, (await writable.WithKey(key).PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("read-only"))).StatusCode);
        var before = await writable.CreateClient().GetStringAsync("/api/v1/kpis/read-only");

        using var readOnly = new ApiFactory(databasePath: writable.DatabasePath);
        readOnly.Settings["ConnectionStrings:Store"] = $"Data Source={writable.DatabasePath};Mode=ReadOnly";
        var response = await readOnly.WithKey(key).PutJsonAsync("/api/v1/kpis/read-only/observations/FY2023", StaffClient.Figure(1));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("cannot be written", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Contains(readOnly.Problems, p => p.StartsWith("Store read-only:", StringComparison.Ordinal));
        Assert.Equal(before, await readOnly.CreateClient().GetStringAsync("/api/v1/kpis/read-only"));
        // Reads go on, so the instance stays in service, but a monitor sees that writes cannot.
        // It says why, in the body itself, so that an operator with curl needs no log to learn it.
        Assert.Equal(
            "Degraded\nstore-writable: The store is read-only to this server: writes are answered 503. Check ConnectionStrings:Store and the store's permissions.",
            await readOnly.CreateClient().GetStringAsync("/health"));
        Assert.Equal("Healthy", await writable.CreateClient().GetStringAsync("/health"));
    }

    [Fact]
    public async Task AStartThatMustWriteAStoreItMayOnlyReadSaysSo()
    {
        // A changed seed must be imported, and this server may only read the store: the start had said only that the
        // store "could not be brought up to date", with SQLite's words further down.
        using var writable = new ApiFactory();
        await writable.CreateClient().GetJsonAsync("/api/v1/goals");
        using var seed = new Seed.SeedFolder().EditRecord("goals.json", 1, g => g["title"] = "書き換えたタイトル");
        using var readOnly = new ApiFactory(seed.Path, writable.DatabasePath);
        readOnly.Settings["ConnectionStrings:Store"] = $"Data Source={writable.DatabasePath};Mode=ReadOnly";

        Assert.ThrowsAny<Exception>(() => readOnly.CreateClient());
        Assert.Contains(readOnly.Problems, p => p.StartsWith("Not starting: this server may not write the store or its folder (ConnectionStrings:Store)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWriteThatWaitsTooLongForTheStoreIsA503WithRetryAfterAndChangesNothing()
    {
        using var api = new ApiFactory();
        // SQLite gives up waiting for its write lock after one second here (30 by default).
        api.Settings["ConnectionStrings:Store"] = $"Data Source={api.DatabasePath};Default Timeout=1";
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("busy"))).StatusCode);

        // Another write holds SQLite's one write lock (BEGIN IMMEDIATE) for longer than that.
        await using var other = new SqliteConnection($"Data Source={api.DatabasePath}");
        await other.OpenAsync();
        using (other.BeginTransaction())
        {
            var response = await staff.PutJsonAsync("/api/v1/kpis/busy/observations/FY2023", StaffClient.Figure(1));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains("nothing of this request was saved", problem.Text("detail"), StringComparison.Ordinal);
            Assert.Equal("Service Unavailable", problem.Text("title"));
        }

        var kpi = await api.CreateClient().GetJsonAsync("/api/v1/kpis/busy");
        Assert.Equal(0, kpi.GetProperty("observationCount").GetInt32());
        var retry = await staff.PutJsonAsync("/api/v1/kpis/busy/observations/FY2023", StaffClient.Figure(1));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
    }

    [PostgreSqlFact]
    public async Task APostgreSqlServerThatCannotBeReachedIsA503WithRetryAfterNotA500()
    {
        // A PostgreSQL server restarting or out of reach: every read that needed the store and every write had been
        // a 500 with a stack trace in the log, which a client that retries on 503 does not retry.
        var server = new Npgsql.NpgsqlConnectionStringBuilder(PostgreSqlApiFactory.ServerConnectionString);
        using var relay = new TcpRelay(server.Host!, server.Port);
        using var api = new PostgreSqlApiFactory();
        api.Settings["ConnectionStrings:Store"] = new Npgsql.NpgsqlConnectionStringBuilder(PostgreSqlApiFactory.ConnectionStringFor(api.Database))
        {
            Host = "127.0.0.1", Port = relay.Port,
        }.ConnectionString;
        try
        {
            var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
            Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/api/v1/goals")).StatusCode);

            var contract = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
            relay.Cut();
            foreach (var (response, path) in new[]
            {
                (await api.CreateClient().GetAsync("/api/v1/changes"), "/api/v1/changes"),
                (await api.CreateClient().GetAsync("/api/v1/kpis/population-outlook"), "/api/v1/kpis/{id}"),
                (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("unreachable")), "/api/v1/kpis"),
            })
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                // A status the contract declares, with its Retry-After, so a generated client gets the typed problem.
                var declared = contract.GetProperty(path).GetProperty(response.RequestMessage!.Method.Method.ToLowerInvariant()).GetProperty("responses").GetProperty("503");
                Assert.True(declared.GetProperty("headers").TryGetProperty("Retry-After", out _));
                Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
                var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.StartsWith("The store is not answering at the moment", problem.Text("detail"), StringComparison.Ordinal);
                // A write whose commit lost its answer may have been saved: the client is not told it was not.
                Assert.Equal(response.RequestMessage!.Method == HttpMethod.Post, problem.Text("detail").Contains("may have been saved", StringComparison.Ordinal));
            }
            Assert.Contains(api.Problems, p => p.StartsWith("Store not answering: GET /api/v1/changes answered 503", StringComparison.Ordinal));
            // What the in-memory read model serves goes on, variants not in the output cache too: the strategy's
            // resources, lists and exports.
            foreach (var url in new[] { "/api/v1/goals/1", "/api/v1/sub-measures?measure=1-1", "/api/v1/plan", "/api/v1/kpis?limit=7", "/api/v1/export/jsonld", "/api/v1/export/csv/sub-measures.csv" })
            {
                Assert.Equal((url, HttpStatusCode.OK), (url, (await api.CreateClient().GetAsync(url)).StatusCode));
            }
            // Readiness fails and says why, without the driver's message (it names the store's host); liveness holds.
            var health = await api.CreateClient().GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal(
                ["Unhealthy", "store: The store does not answer: what this server holds in memory is still served; other reads and every write are answered 503. The server's log says why."],
                (await health.Content.ReadAsStringAsync()).Split('\n'));
            Assert.Equal("Healthy", await api.CreateClient().GetStringAsync("/health/live"));
            // One line per failure, by what handled it: not EF Core's own error logs of it too, each with a stack trace.
            // (The body size limit's warning is the in-memory test server's, whose request body has no limit to set; the
            // health checks' are ASP.NET Core's line for each /health that finds the store down, without a stack trace.)
            Assert.All(api.Problems, p => Assert.Matches(
                "^(LinkedData:BaseIri is not set|Store not answering: |Could not re-read the store's Last-Modified: |A request body size limit could not be applied|Health check store(-writable)? with status Unhealthy completed|Store writable check: the store did not answer )", p));
        }
        finally
        {
            PostgreSqlApiFactory.Drop(api.Database);
        }
    }

    [PostgreSqlFact]
    public async Task OnPostgreSqlAWriteGivesUpAfterTenSecondsWithA503AndChangesNothing()
    {
        using var api = new PostgreSqlApiFactory();
        try
        {
            var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
            Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("busy"))).StatusCode);

            // Another instance's write holds the store for longer than the API's write may wait.
            await using (await OtherInstanceWrite.BeginAsync(api.Database))
            {
                var response = await staff.PutJsonAsync("/api/v1/kpis/busy/observations/FY2023", StaffClient.Figure(1));
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
            }

            var kpi = await api.CreateClient().GetJsonAsync("/api/v1/kpis/busy");
            Assert.Equal(0, kpi.GetProperty("observationCount").GetInt32());
        }
        finally
        {
            PostgreSqlApiFactory.Drop(api.Database);
        }
    }
}
