using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// What Kestrel refuses while a handler reads the request (a body over the size limit, a body cut short) surfaces as
/// a <see cref="BadHttpRequestException"/> carrying its own status, 413 or 400 (or, for one malformed chunk, an
/// IOException: <see cref="IsMalformedChunkedBody"/>). Unhandled it became a 500, which
/// tells a client the server is broken when it was the request; here it is answered with its status, as a problem.
/// </summary>
public sealed class ClientRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            _ when IsMalformedChunkedBody(exception) => StatusCodes.Status400BadRequest,
            _ => 0,
        };
        if (status == 0 || http.Response.HasStarted)
        {
            return false;
        }
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Detail = status == StatusCodes.Status413PayloadTooLarge
                    ? $"The request body is larger than this operation accepts{Limit(http)}; nothing was saved."
                    : "The request could not be read; nothing was saved.",
            },
        });
    }

    // The limit in force for this request (the write path's, set by its endpoint), so a client knows how far to cut.
    private static string Limit(HttpContext http) =>
        http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } bytes
            ? bytes % 1024 == 0
                ? string.Create(CultureInfo.InvariantCulture, $" ({bytes / 1024:N0} KB at most)")
                : string.Create(CultureInfo.InvariantCulture, $" ({bytes:N0} bytes at most)")
            : "";

    /// <summary>
    /// A chunk size too large for a number (<c>80000000</c>): Kestrel throws a plain IOException ("Bad chunk size data",
    /// an OverflowException inside) where every other malformed chunk gets its BadHttpRequestException.
    /// </summary>
    public static bool IsMalformedChunkedBody(Exception exception) =>
        exception is IOException { InnerException: OverflowException }
        && exception.StackTrace?.Contains("ChunkedEncodingMessageBody", StringComparison.Ordinal) == true;
}
