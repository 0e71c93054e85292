using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kushiro.OpenData.Api.Data.Providers;

/// <summary>The store on PostgreSQL, for deployments that outgrow one machine. Migrations in Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlStoreContext(DbContextOptions<PostgreSqlStoreContext> options) : OpenDataContext(options)
{
    // Looked up as EF Core finds its tables: in the first schema of the search path that has one by that name.
    public override Task<bool> HasTableAsync(string table, CancellationToken cancellationToken) => AskAsync(
        $"""SELECT to_regclass('"{table.Replace("\"", "\"\"", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)}"') IS NOT NULL""",
        cancellationToken);

    // A standby (in recovery), or a database or role whose transactions are read-only by default.
    public override Task<bool> IsReadOnlyAsync(CancellationToken cancellationToken) =>
        AskAsync("SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on'", cancellationToken);

    // Writers on PostgreSQL run side by side, and each takes its sequence number when it inserts, not when it
    // commits. Every write moves the stamp in the store's one state row, so locking that row first puts them in a line.
    // (On a store not yet imported there is no row, and no other writer: instances importing together race on keys.)
    public override async Task<IDbContextTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var transaction = await Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // Not for ever: a lock waited for over 10 s (this one, or one the write's statements need later) ends the
            // write with a 503 (StoreUnavailableExceptionHandler), before Npgsql's own 30 s command timeout would end it as an
            // error of the server. The seed import at start-up is retried instead (StoreSetup).
            await Database.ExecuteSqlRawAsync("""SET LOCAL lock_timeout = '10s'; SELECT 1 FROM "StoreStates" FOR UPDATE""", cancellationToken);
            return transaction;
        }
        catch
        {
            // Cancelled while waiting, say: the caller never gets the transaction, so it is ended here.
            await transaction.DisposeAsync();
            throw;
        }
    }
}

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgreSqlStoreContext</c> build the model without a server:
/// generating a migration never connects.
/// </summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlStoreContext>
{
    public PostgreSqlStoreContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlStoreContext>().UseNpgsql("Host=design-time-only").Options);
}
