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
            await UntilAWriteWaitsAsync(api.Database);
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

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    // The API's write is blocked on a lock the other transaction holds (seen from a connection of its own).
    private static async Task UntilAWriteWaitsAsync(string database)
    {
        await using var observer = new NpgsqlConnection(PostgreSqlApiFactory.ConnectionStringFor(database));
        await observer.OpenAsync();
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(20))
        {
            if ((long)(await Scalar(observer, "SELECT count(*) FROM pg_locks WHERE NOT granted"))! > 0)
            {
                return;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("the API's write never waited for the other transaction");
    }
}
