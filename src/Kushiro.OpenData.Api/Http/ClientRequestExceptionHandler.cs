using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// What Kestrel refuses while a handler reads the request (a body over the size limit, a body cut short) surfaces as
/// a <see cref="BadHttpRequestException"/> carrying its own status, 413 or 400. Unhandled it became a 500, which
/// tells a client the server is broken when it was the request; here it is answered with its status, as a problem.
/// </summary>
public sealed class ClientRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || http.Response.HasStarted)
        {
            return false;
        }
        http.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = bad.StatusCode,
                Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request body is larger than this operation accepts; nothing was saved."
                    : "The request could not be read; nothing was saved.",
            },
        });
    }
}
