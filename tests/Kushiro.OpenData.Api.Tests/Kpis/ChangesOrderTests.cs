using System.Net;
using Npgsql;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>
/// A mirror polls the changes feed with <c>after</c> (the last sequence it saw), so a change must never become visible
/// with a smaller sequence than one already visible. On PostgreSQL, writers on several instances commit concurrently.
/// </summary>
public sealed class ChangesOrderTests
{
    [PostgreSqlFact]
    public async Task AWriteWaitingForAnotherTakesItsSequenceAfterItSoPollingWithAfterMissesNothing()
    {
        using var api = new PostgreSqlApiFactory();
        try
        {
            var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
            Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("raced"))).StatusCode);

            // Another instance's write, mid-transaction: it holds the store's stamp row (every write moves the stamp)
            // and has taken the next sequence number, but has not committed yet.
            await using var other = new NpgsqlConnection(PostgreSqlApiFactory.ConnectionStringFor(api.Database));
            await other.OpenAsync();
            await using var transaction = await other.BeginTransactionAsync();
            await Scalar(other, """SELECT 1 FROM "StoreStates" FOR UPDATE""");
            var write = staff.PutJsonAsync("/api/v1/kpis/raced/observations/FY2023", StaffClient.Figure(7));
            await UntilWaitingAsync(other, writers: 1);
            var otherSequence = (long)(await Scalar(other, """SELECT nextval(pg_get_serial_sequence('"Changes"', 'Sequence'))"""))!;
            await transaction.CommitAsync();

            Assert.Equal(HttpStatusCode.Created, (await write).StatusCode);
            // A mirror that saw the other change polls for what came after it: the write, committed later, is there.
            var entries = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?after={otherSequence}")).Items();
            Assert.Contains(entries, e => e.Text("resourceId") == "raced/observation/FY2023");
        }
        finally
        {
            PostgreSqlApiFactory.Drop(api.Database);
        }
    }

    [PostgreSqlFact]
    public async Task WritesToOneFigureAtOnceEachRecordTheValueTheOtherLeftAsBefore()
    {
        using var api = new PostgreSqlApiFactory();
        try
        {
            var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
            await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("contended"));
            await staff.PutJsonAsync("/api/v1/kpis/contended/observations/FY2023", StaffClient.Figure(5));

            // Two staff tools write the same figure at once while another write holds the store: both are queued.
            await using var other = new NpgsqlConnection(PostgreSqlApiFactory.ConnectionStringFor(api.Database));
            await other.OpenAsync();
            var last = (long)(await Scalar(other, """SELECT max("Sequence") FROM "Changes" """))!;
            await using (var transaction = await other.BeginTransactionAsync())
            {
                await Scalar(other, """SELECT 1 FROM "StoreStates" FOR UPDATE""");
                var writes = new[] { 6m, 7m }.Select(v => staff.PutJsonAsync("/api/v1/kpis/contended/observations/FY2023", StaffClient.Figure(v))).ToList();
                await UntilWaitingAsync(other, writers: 2);
                await transaction.CommitAsync();
                Assert.All(await Task.WhenAll(writes), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            }

            // Each entry's "before" is the value the other left, and the figure is the last entry's "after".
            var entries = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?after={last}")).Items()
                .Where(e => e.Text("resourceId") == "contended/observation/FY2023").ToList();
            Assert.Equal(2, entries.Count);
            Assert.Equal(5m, Value(entries[0], "before"));
            Assert.Equal(Value(entries[0], "after"), Value(entries[1], "before"));
            var kpi = await api.CreateClient().GetJsonAsync("/api/v1/kpis/contended");
            Assert.Equal(Value(entries[1], "after"), kpi.GetProperty("latest").GetProperty("value").GetDecimal());
        }
        finally
        {
            PostgreSqlApiFactory.Drop(api.Database);
        }
    }

    private static decimal Value(System.Text.Json.JsonElement entry, string side) => entry.GetProperty(side).GetProperty("value").GetDecimal();

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    // Waits until that many of the API's writes wait for a lock in the holder's database (each test has a database of
    // its own; a second writer queues behind the first, not directly behind the holder).
    private static async Task UntilWaitingAsync(NpgsqlConnection holder, int writers)
    {
        await using var observer = new NpgsqlConnection(PostgreSqlApiFactory.ConnectionStringFor(holder.Database));
        await observer.OpenAsync();
        const string sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(20))
        {
            if ((long)(await Scalar(observer, sql))! >= writers)
            {
                return;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"{writers} write(s) of the API never waited for the other transaction");
    }
}
