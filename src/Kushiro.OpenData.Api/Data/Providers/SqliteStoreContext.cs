using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Data.Providers;

/// <summary>The store on SQLite (the default: one file, nothing to run). Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteStoreContext(DbContextOptions<SqliteStoreContext> options) : OpenDataContext(options)
{
    public override Task<bool> HasTableAsync(string table, CancellationToken cancellationToken) => AskAsync(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $table)", cancellationToken, ("$table", table));

    // SQLite opens a file it may not write for reading only, without a word: only a write then fails.
    public override async Task<bool> IsReadOnlyAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return SQLitePCL.raw.sqlite3_db_readonly(((SqliteConnection)Database.GetDbConnection()).Handle, "main") == 1;
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    // EF Core locks a SQLite store for Migrate with a row in this table (its own name for it), deleted when Migrate
    // ends. A process killed while migrating leaves the row, and every later Migrate waits for it without end
    // (dotnet/efcore#38958): the store would never come up again.
    private const string MigrationsLockTable = "__EFMigrationsLock";

    public override async Task<DateTimeOffset?> ReleaseStaleMigrationsLockAsync(TimeSpan staleAfter, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await HasTableAsync(MigrationsLockTable, cancellationToken))
        {
            return null;
        }
        while (await ScalarAsync($"""SELECT "Timestamp" FROM "{MigrationsLockTable}" """, cancellationToken) is string stamp)
        {
            // A stamp EF Core no longer writes this way is taken as old: waiting on it could be endless.
            var age = DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var taken)
                ? time.GetUtcNow() - taken
                : staleAfter;
            if (age < staleAfter)
            {
                // Another start may be migrating right now, or was stopped just now: look again once it would be old.
                await Task.Delay(staleAfter - age, time, cancellationToken);
                continue;
            }
            // Only the row read: a lock taken since by another start is that start's.
            if (await ScalarAsync($"""DELETE FROM "{MigrationsLockTable}" WHERE "Timestamp" = $stamp RETURNING 1""", cancellationToken, ("$stamp", stamp)) is not null)
            {
                return taken;
            }
        }
        return null;
    }

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
