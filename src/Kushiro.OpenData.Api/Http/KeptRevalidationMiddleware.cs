using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// The 304 a revalidation asked for when its answer was made so that the output cache could keep it (a new
/// instance, an expired entry, the first request after a write): the cache inside keeps the full 200, so the next
/// request for that variant is answered from memory, and the client gets the 304 (RFC 9110 §13.1.2: a matching
/// If-None-Match must not get the full answer; a mirror would take a 200 for a change and fetch everything again).
/// Only conditional GETs pass through here buffered; a hit, matching or not, is answered by the cache as before.
/// </summary>
public sealed class KeptRevalidationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method)
            || !(request.Headers.ContainsKey(HeaderNames.IfNoneMatch) || request.Headers.ContainsKey(HeaderNames.IfModifiedSince))
            || !ConditionalGetMiddleware.Covers(request.Path))
        {
            await next(context);
            return;
        }

        using var buffer = new MemoryStream();
        await BufferedAnswer.RunAsync(context, next, buffer);
        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK
            && context.Features.Get<ConditionalGetMiddleware.AnsweredInFullForTheCache>() is not null)
        {
            // As ConditionalGetMiddleware answers a 304 itself: the validators, Cache-Control and Vary stay, the
            // content's own headers go.
            response.StatusCode = StatusCodes.Status304NotModified;
            response.Headers.Remove(HeaderNames.ContentType);
            response.Headers.Remove(HeaderNames.ContentEncoding);
            response.ContentLength = null;
            return;
        }
        await BufferedAnswer.SendAsync(context, buffer);
    }
}
