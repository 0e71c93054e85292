using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// What a store failure means, read from the provider's error anywhere in an exception's chain (EF Core wraps it),
/// the same way for SQLite and PostgreSQL.
/// </summary>
public static class StoreErrors
{
    /// <summary>
    /// The store waited for a lock for longer than it allows: SQLITE_BUSY (5), PostgreSQL's lock_not_available (55P03).
    /// Not SQLITE_LOCKED: without a shared cache that is a conflict within one connection, a bug to see as such.
    /// </summary>
    public static bool IsBusy(Exception? exception) =>
        InChain(exception, e => e is SqliteException { SqliteErrorCode: 5 } || e is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable });

    /// <summary>
    /// This server may only read the store: SQLITE_READONLY (8, its extended codes included: a read-only file or
    /// folder), PostgreSQL's read_only_sql_transaction (25006: a standby, or a read-only default).
    /// </summary>
    public static bool IsReadOnly(Exception? exception) =>
        InChain(exception, e => e is SqliteException { SqliteErrorCode: 8 } || e is PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction });

    /// <summary>
    /// The store is not answering at the moment: a PostgreSQL server that is down, restarting, out of reach or
    /// overloaded (a connection exception, class 08; admin_shutdown, crash_shutdown and cannot_connect_now, 57P01-57P03;
    /// too_many_connections, 53300; or what Npgsql calls transient: no connection made, one broken, a time-out, the
    /// pool exhausted). Retrying later is right for all of them. A SQLite store is a file of this process's and has no
    /// such state.
    /// </summary>
    public static bool IsUnreachable(Exception? exception) =>
        InChain(exception, e => e is PostgresException
        {
            SqlState: ['0', '8', ..] or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
        }
            || e is NpgsqlException { IsTransient: true } and not PostgresException);

    /// <summary>The data as it now is refuses the change: SQLITE_CONSTRAINT (19), PostgreSQL's integrity constraint violations (class 23).</summary>
    public static bool IsConstraintViolation(Exception? exception) =>
        InChain(exception, e => e is SqliteException { SqliteErrorCode: 19 } || e is PostgresException { SqlState: ['2', '3', ..] });

    private static bool InChain(Exception? exception, Func<Exception, bool> matches)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (matches(exception))
            {
                return true;
            }
        }
        return false;
    }
}
