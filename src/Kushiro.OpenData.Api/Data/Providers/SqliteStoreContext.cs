using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kushiro.OpenData.Api.Data.Providers;

/// <summary>The store on SQLite (the default: one file, nothing to run). Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteStoreContext(DbContextOptions<SqliteStoreContext> options) : OpenDataContext(options)
{
    // Microsoft.Data.Sqlite begins every transaction with the database's one write lock (BEGIN IMMEDIATE), so a read
    // would wait for any write in progress, and fail after the busy timeout. A deferred one takes a read lock at its
    // first query and keeps it to the end: its queries see one state of the database, and a write may run meanwhile
    // (only its commit waits for the read to end).
    public override async Task<IDbContextTransaction> BeginSnapshotAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)Database.GetDbConnection();
        return (await Database.UseTransactionAsync(connection.BeginTransaction(deferred: true), cancellationToken))!;
    }
}
