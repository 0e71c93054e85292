using Npgsql;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>
/// Another instance's write on a shared PostgreSQL store, caught mid-transaction: it holds the store's state row,
/// which every write locks first, until it commits or is disposed (rolled back).
/// </summary>
public sealed class OtherInstanceWrite : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private OtherInstanceWrite(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        (this.connection, this.transaction) = (connection, transaction);

    public static async Task<OtherInstanceWrite> BeginAsync(string database)
    {
        var connection = new NpgsqlConnection(PostgreSqlApiFactory.ConnectionStringFor(database));
        await connection.OpenAsync();
        var write = new OtherInstanceWrite(connection, await connection.BeginTransactionAsync());
        await ScalarAsync(connection, """SELECT 1 FROM "StoreStates" FOR UPDATE""");
        return write;
    }

    /// <summary>Takes the next sequence number of the changes feed, as this write's own change entry would.</summary>
    public async Task<long> TakeSequenceAsync() =>
        (long)(await ScalarAsync(connection, """SELECT nextval(pg_get_serial_sequence('"Changes"', 'Sequence'))"""))!;

    /// <summary>
    /// Waits until that many of the API's writes wait for a lock in this database (each test has a database of its
    /// own; a second writer queues behind the first, not directly behind this one).
    /// </summary>
    public async Task UntilWritesWaitAsync(int writers)
    {
        await using var observer = new NpgsqlConnection(PostgreSqlApiFactory.ConnectionStringFor(connection.Database));
        await observer.OpenAsync();
        const string waiting = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(20))
        {
            if ((long)(await ScalarAsync(observer, waiting))! >= writers)
            {
                return;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"{writers} write(s) of the API never waited for the other transaction");
    }

    public Task CommitAsync() => transaction.CommitAsync();

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection on, string sql)
    {
        await using var command = new NpgsqlCommand(sql, on);
        return await command.ExecuteScalarAsync();
    }
}
