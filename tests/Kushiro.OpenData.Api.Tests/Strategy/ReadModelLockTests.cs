using System.Net;
using Kushiro.OpenData.Api.Tests.GraphQL;
using Kushiro.OpenData.Api.Tests.Kpis;
using Kushiro.OpenData.Api.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.Strategy;

/// <summary>The in-memory tree reloads after a write by reading the store, never by waiting to write to it.</summary>
public sealed class ReadModelLockTests
{
    [Fact]
    public async Task TheTreeReloadsWhileAnotherWriteHoldsTheStore()
    {
        using var api = new ApiFactory();
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        // A write moves the stamp, so the next GraphQL answer reloads the tree from the store.
        Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("held"))).StatusCode);

        // Another write in progress: it holds SQLite's one write lock (BEGIN IMMEDIATE) for as long as it runs.
        await using var other = new SqliteConnection($"Data Source={api.DatabasePath}");
        await other.OpenAsync();
        var write = other.BeginTransaction();

        // A reload that asked for the write lock would wait for that write (up to SQLite's 30 s busy timeout).
        var client = api.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(20);
        var answer = await client.PostGraphQLAsync("{ kpi(id: \"held\") { id } }");
        Assert.Equal("held", answer.Data.GetProperty("kpi").GetProperty("id").GetString());

        // The reload let go of what it read: once the other write ends, the next write goes through.
        write.Dispose();
        var next = await staff.PutJsonAsync("/api/v1/kpis/held/observations/FY2023", StaffClient.Figure(1));
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
    }

    [Fact]
    public async Task ASnapshotEndsWhenDisposedSoItsContextThenSeesLaterWrites()
    {
        using var api = new ApiFactory();
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDataContext>();
        await using (await db.BeginSnapshotAsync(CancellationToken.None))
        {
            Assert.Equal(4, await db.Goals.CountAsync());
        }

        // Another connection writes; a snapshot still open would keep showing the context the data before it.
        await using var other = new SqliteConnection($"Data Source={api.DatabasePath}");
        await other.OpenAsync();
        using (var touch = other.CreateCommand())
        {
            touch.CommandText = """UPDATE "StoreStates" SET "AppBuild" = 'written-after-the-snapshot'""";
            Assert.Equal(1, touch.ExecuteNonQuery());
        }
        Assert.Equal("written-after-the-snapshot", (await db.StoreStates.AsNoTracking().SingleAsync()).AppBuild);
    }
}
