using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// One instance at a time brings a shared PostgreSQL store up to date (migrations, then the seed import): a session
/// advisory lock, held on a connection of its own until the step is done. Instances starting together had raced, and
/// the loser's rolled-back attempts, retried to success, were logged as failures (a duplicate key, a table already
/// there) that set off operators' alerts. The one that waits then finds the store current. SQLite needs none: EF
/// Core's migrations lock and SQLite's single writer order its starts, which share one machine.
/// </summary>
public static class StoreSetupLock
{
    /// <summary>The lock's name: any fixed number, the same for every instance and build ("KOD_SETU").</summary>
    public const long LockKey = 0x4B4F_445F_5345_5455;

    /// <summary>The lock, or null for a store that needs none. Disposing it releases the lock.</summary>
    public static async Task<IAsyncDisposable?> TakeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<OpenDataContext>().Database;
        if (!database.IsNpgsql())
        {
            return null;
        }
        // The lock lives in the database: a new store's database is made first, by whichever instance gets there.
        var creator = database.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
                StoreSetup.LogCreated(services, database.GetDbConnection());
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another instance made it after this one looked. (One making it at the same moment fails with a
                // unique violation instead, which the provider itself takes as done.)
            }
        }
        // Not from the pool: a pooled connection is only handed back when disposed, its session (and the lock) kept.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.GetConnectionString()) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var tryTake = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection);
            if (await tryTake.ExecuteScalarAsync(cancellationToken) is not true)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreSetupLock)).LogInformation(
                    "Another instance is bringing the store up to date: waiting for it (at most {Seconds} s)", WaitSeconds);
                // lock_timeout ends the wait; the command's own timeout (30 s by default) must not end it first.
                await using var take = new NpgsqlCommand($"SET lock_timeout = '{WaitSeconds}s'; SELECT pg_advisory_lock({LockKey})", connection)
                {
                    CommandTimeout = WaitSeconds + 10,
                };
                try
                {
                    await take.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
                {
                    // PostgreSQL shows a 64-bit advisory key as two 32-bit halves.
                    throw new StoreSetupLockTimeoutException(
                        $"another instance has been bringing the store up to date for {WaitSeconds} s (migrations and the seed import take a second or two). "
                        + "A start stuck mid-way holds the lock until its session ends (a host that died: until PostgreSQL's TCP keepalive notices); "
                        + $"find the session with SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = {(uint)(LockKey >> 32)} AND objid = {LockKey & 0xFFFF_FFFF}, "
                        + "and end it with pg_terminate_backend(pid) if no start is running.", e);
                }
            }
            // Disposing it ends the session, which releases the lock.
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Another instance's step takes a second or two: one held for a minute was left by something else, and the start
    // stops saying so rather than wait without end.
    private const int WaitSeconds = 60;
}

/// <summary>A start that waited too long for another instance to bring the store up to date.</summary>
public sealed class StoreSetupLockTimeoutException(string message, Exception inner) : Exception(message, inner);
