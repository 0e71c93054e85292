using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>Headers every answer carries, whatever made it (a controller, the output cache, the exception handler).</summary>
public static class EveryAnswerHeaders
{
    /// <summary>
    /// <list type="bullet">
    /// <item>The CORS headers, not only on answers to requests that name an Origin. ASP.NET Core's CORS middleware adds
    /// them only for those, and Vary does not name Origin: a shared cache (a CDN, nginx's proxy_cache) that stored the
    /// answer to a request without Origin (curl, a crawler, a mirror) served it to browsers without them, and the
    /// browser refused it until the data changed. With a fixed "*" policy and no credentials, the Fetch standard
    /// (§3.2.5) has every answer carry them; Vary: Origin instead would split every cache entry by site. Preflights
    /// stay with the CORS middleware.</item>
    /// <item><c>X-Content-Type-Options: nosniff</c>: a browser never reads a JSON or CSV answer as HTML or script.</item>
    /// <item>A 304's <c>Date</c> is when it was made (RFC 9110 §6.6.1), which Kestrel writes when none is set: the output
    /// cache copies the kept answer's Date into the 304 it makes, without the <c>Age</c> its 200s carry, so a cache
    /// downstream took a revalidated answer for one as old as the kept one.</item>
    /// </list>
    /// Set as the answer starts, not before the pipeline runs: the exception handler clears the headers of the answer
    /// it replaces with a problem (413, 503), and those lost them.
    /// </summary>
    public static IApplicationBuilder UseEveryAnswerHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<CorsOptions>>().Value;
        var policy = options.GetPolicy(options.DefaultPolicyName)
            ?? throw new InvalidOperationException("The default CORS policy is not registered.");
        if (!policy.AllowAnyOrigin || policy.SupportsCredentials)
        {
            throw new InvalidOperationException("The CORS headers can go on every answer only for a policy open to any origin without credentials.");
        }
        var exposed = string.Join(',', policy.ExposedHeaders);
        // One delegate for every request: the callback itself allocates nothing.
        Func<object, Task> addHeaders = state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers[HeaderNames.AccessControlAllowOrigin] = CorsConstants.AnyOrigin;
            headers[HeaderNames.AccessControlExposeHeaders] = exposed;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            if (((HttpResponse)state).StatusCode == StatusCodes.Status304NotModified)
            {
                headers.Remove(HeaderNames.Date);
            }
            return Task.CompletedTask;
        };
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(addHeaders, context.Response);
            return next(context);
        });
    }
}
