using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Every error answer, wherever it comes from (a controller, an unknown /id IRI or route, the rate limiter), carries
/// <c>Cache-Control: no-cache</c> unless it set its own: a 404 is cacheable by default (RFC 9111 §4.2.2), so a
/// shared cache could go on answering "no such KPI" after staff create it.
/// </summary>
public static class ErrorCaching
{
    /// <summary>Behind the output cache, which keeps and answers only 200s: a hit needs none of this.</summary>
    public static IApplicationBuilder UseNoCacheOnErrors(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (response.StatusCode >= 400 && !response.Headers.ContainsKey(HeaderNames.CacheControl))
            {
                response.Headers.CacheControl = "no-cache";
            }
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
