using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// A write that waited its turn for longer than the store allows (SQLite's busy timeout, PostgreSQL's lock_timeout)
/// is answered 503 with Retry-After: the store is busy, nothing of the request was saved, and trying again is right.
/// Without this it would be a 500, which says the server is broken.
/// </summary>
public sealed class StoreBusyExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsStoreBusy(exception))
        {
            return false;
        }
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Store busy",
                Detail = $"Another write held the store for too long; nothing of this request was saved. Retry in {RetryAfterSeconds} seconds.",
            },
        });
    }

    private static bool IsStoreBusy(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            // SQLITE_BUSY (5) and SQLITE_LOCKED (6); PostgreSQL's lock_not_available (55P03).
            if (exception is SqliteException { SqliteErrorCode: 5 or 6 } || exception is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable })
            {
                return true;
            }
        }
        return false;
    }
}
