using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Data.Providers;

/// <summary>The store on SQLite (the default: one file, nothing to run). Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteStoreContext(DbContextOptions<SqliteStoreContext> options) : OpenDataContext(options)
{
    public override Task<bool> HasTableAsync(string table, CancellationToken cancellationToken) => AskAsync(
        $"SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{table.Replace("'", "''", StringComparison.Ordinal)}')",
        cancellationToken);

    // Microsoft.Data.Sqlite begins every transaction with the database's one write lock (BEGIN IMMEDIATE), so a read
    // would wait for any write in progress, and fail after the busy timeout. A deferred one reads from one snapshot,
    // taken at its first query, and in WAL mode (EF Core creates the file so) writes go on meanwhile.
    public override async Task<IAsyncDisposable> BeginSnapshotAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        var transaction = ((SqliteConnection)Database.GetDbConnection()).BeginTransaction(deferred: true);
        await Database.UseTransactionAsync(transaction, cancellationToken);
        return new Snapshot(this, transaction);
    }

    // EF Core does not own a transaction it was handed, so disposing its wrapper would leave the snapshot open until
    // the context goes (its later queries would still see old data): this ends it, and closes the connection opened
    // for it, when the snapshot is disposed.
    private sealed class Snapshot(SqliteStoreContext db, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}
