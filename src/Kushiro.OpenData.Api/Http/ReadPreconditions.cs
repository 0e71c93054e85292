using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// If-Match and If-Unmodified-Since on a read (RFC 9110 §13.1.1, §13.1.4: an origin server must evaluate them). A
/// mirror paging through a list sends the first page's Last-Modified as If-Unmodified-Since and is told 412 when the
/// data changed under it, instead of silently mixing two versions. Evaluated only on a 2xx answer (§13.2.1), before
/// If-None-Match and If-Modified-Since (§13.2.2). The writes have their own (Kpis/WritePreconditions.cs).
/// </summary>
internal static class ReadPreconditions
{
    /// <summary>Whether a request carries one, so that the output cache, which ignores them, does not answer it.</summary>
    public static bool Sent(IHeaderDictionary headers) =>
        headers.ContainsKey(HeaderNames.IfMatch) || headers.ContainsKey(HeaderNames.IfUnmodifiedSince);

    /// <summary>Why the request's precondition fails for this answer, or null when none does.</summary>
    public static string? Failure(HttpRequest request, DateTimeOffset? lastModified)
    {
        if (request.Headers.IfMatch.Count > 0)
        {
            // Only "*" (any current representation) can match.
            return PreconditionHeaders.IsStar(request.Headers.IfMatch) ? null
                : PreconditionHeaders.IfMatchNeverMatches + " Send If-Unmodified-Since with the Last-Modified you hold, or revalidate with If-None-Match.";
        }
        // Ignored where the answer has no modification date (GraphQL), as §13.1.4 asks.
        return PreconditionHeaders.IfUnmodifiedSince(request.Headers) is { } since && lastModified is { } modified && modified.ToUnixTimeSeconds() > since.ToUnixTimeSeconds()
            ? $"The data changed after {since.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} (If-Unmodified-Since); read it again from the start."
            : null;
    }

    /// <summary>The 412, in place of the answer made: its content headers go, and HEAD gets the GET's headers only.</summary>
    public static Task RefuseAsync(HttpContext context, string detail, bool isHead)
    {
        var response = context.Response;
        response.ContentLength = null;
        foreach (var header in new[] { HeaderNames.ContentDisposition, HeaderNames.Link, HeaderNames.ContentLanguage })
        {
            response.Headers.Remove(header);
        }
        if (isHead)
        {
            response.StatusCode = StatusCodes.Status412PreconditionFailed;
            response.ContentType = "application/problem+json";
            return Task.CompletedTask;
        }
        response.Headers.Remove(HeaderNames.ContentType);
        return context.WriteProblemAsync(new ProblemDetails { Status = StatusCodes.Status412PreconditionFailed, Detail = detail });
    }
}
