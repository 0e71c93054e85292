using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// A request that waited for a lock of the store for longer than the store allows (SQLite's busy timeout, PostgreSQL's
/// lock_timeout), mostly a write waiting its turn, is answered 503 with Retry-After: the store is busy, nothing of the
/// request was saved, and trying again is right. Without this it would be a 500, which says the server is broken.
/// </summary>
public sealed class StoreBusyExceptionHandler(IProblemDetailsService problems, ILogger<StoreBusyExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsStoreBusy(exception))
        {
            return false;
        }
        // Handled exceptions are not logged by the middleware; operators should see that the store is contended.
        logger.LogWarning("Store busy: {Method} {Path} answered 503 ({Error})", http.Request.Method, http.Request.Path, exception.Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = $"The store was busy with other work for too long; nothing of this request was saved. Retry in {RetryAfterSeconds} seconds.",
            },
        });
    }

    public static bool IsStoreBusy(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            // SQLITE_BUSY (5), and PostgreSQL's lock_not_available (55P03). Not SQLITE_LOCKED: without a shared cache
            // that is a conflict within one connection, a bug to see as such, not a reason to retry.
            if (exception is SqliteException { SqliteErrorCode: 5 } || exception is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable })
            {
                return true;
            }
        }
        return false;
    }
}
