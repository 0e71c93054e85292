using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// A request the store could not serve for a reason of the store's, not the request's, answered 503 (nothing of the
/// request was saved) instead of a 500 that says the server is broken:
/// <list type="bullet">
/// <item>busy: it waited for a lock for longer than the store allows (SQLite's busy timeout, PostgreSQL's lock_timeout),
/// mostly a write waiting its turn; with Retry-After, since trying again is right;</item>
/// <item>read-only: the store cannot be written by this server (a store file restored as another user, a folder
/// without write permission, a read-only database); an operator must act, so no Retry-After, and an error in the log.
/// It had been a 409 telling the client to read the data again and retry, which it would do without end.</item>
/// <item>not answering: a PostgreSQL server that is down, restarting or overloaded; with Retry-After, as it comes back
/// without anyone acting on this server (answers from memory are still served meanwhile).</item>
/// <item>behind: an item the store served changed there (on another instance) before the read model that renders its
/// JSON-LD caught up; with Retry-After.</item>
/// </list>
/// </summary>
public sealed class StoreUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<StoreUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 2;

    // A server restarting takes longer than a lock: asked again every 2 s, it would be asked for nothing.
    private const int UnreachableRetryAfterSeconds = 10;

    // The REST writes (GraphQL takes queries only, by POST too).
    private static bool IsWrite(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        string detail;
        int? retryAfterSeconds = null;
        if (Data.StoreErrors.IsBusy(exception))
        {
            // Handled exceptions are not logged by the middleware; operators should see that the store is contended.
            logger.LogWarning("Store busy: {Method} {Path} answered 503 ({Error})", http.Request.Method, http.Request.Path, exception.Message);
            retryAfterSeconds = RetryAfterSeconds;
            detail = $"The store was busy with other work for too long; nothing of this request was saved. Retry in {RetryAfterSeconds} seconds.";
        }
        else if (Data.StoreErrors.IsUnreachable(exception))
        {
            // Every request that needs the store meets it while the server is down: one line each, not a stack trace.
            logger.LogWarning("Store not answering: {Method} {Path} answered 503 ({Error})", http.Request.Method, http.Request.Path, exception.GetBaseException().Message);
            retryAfterSeconds = UnreachableRetryAfterSeconds;
            detail = $"The store is not answering at the moment (down, restarting or overloaded). Retry in {UnreachableRetryAfterSeconds} seconds."
                // A commit whose acknowledgement was lost with the connection may have been saved: no client can be told
                // "nothing was saved" then, and a blind retry of a creation would be a 409.
                + (IsWrite(http.Request)
                    ? " This write may have been saved if the store stopped answering as it committed: read the resource before trying it again."
                    : "");
        }
        else if (exception is LinkedData.ReadModelBehindException)
        {
            logger.LogWarning("Read model behind the store: {Method} {Path} answered 503 ({Error})", http.Request.Method, http.Request.Path, exception.Message);
            retryAfterSeconds = RetryAfterSeconds;
            detail = exception.Message;
        }
        else if (Data.StoreErrors.IsReadOnly(exception))
        {
            logger.LogError("Store read-only: {Method} {Path} answered 503 ({Error}). Check that this server may write the store (ConnectionStrings:Store).",
                http.Request.Method, http.Request.Path, exception.Message);
            detail = "The store cannot be written by this server at the moment; nothing of this request was saved. The server's log says why.";
        }
        else
        {
            return false;
        }
        if (retryAfterSeconds is { } seconds)
        {
            http.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Detail = detail },
        });
    }
}
