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

    /// <summary>
    /// A failure that no retry mends and only the operator can: a password or role refused (PostgreSQL's class 28), a
    /// database that does not exist and may not be created (3D000, 42501), a file that cannot be opened or read, is no
    /// SQLite database or is damaged (SQLITE_IOERR 10, as a folder in the file's place gives; SQLITE_CANTOPEN 14;
    /// SQLITE_NOTADB 26; SQLITE_CORRUPT 11), a connection string that cannot be read. Its message says all; a stack
    /// trace adds nothing for whoever reads it.
    /// </summary>
    public static bool NeedsTheOperator(Exception? exception) =>
        InChain(exception, e => e is SqliteException { SqliteErrorCode: 10 or 11 or 14 or 26 }
            || e is PostgresException { SqlState: ['2', '8', ..] or PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.InsufficientPrivilege }
            // Thrown while the connection string is parsed (a mistyped keyword, a stray quote), by the provider's builder.
            || e is ArgumentException && e.StackTrace?.Contains("ConnectionString", StringComparison.Ordinal) == true);

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
