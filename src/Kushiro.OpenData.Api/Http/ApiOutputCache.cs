using Kushiro.OpenData.Api.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// ASP.NET Core's output cache in front of every anonymous GET the validators cover (REST, OpenAPI, /ns, GraphQL's
/// queries and schema): a hit is answered from memory with the bytes and headers (ETag included) of the first answer,
/// and a matching If-None-Match gets its 304 there too. A GraphQL answer carrying errors (a timeout, say) is not kept:
/// the endpoint says so (GraphQL/GraphQLEndpoint.cs). Entries are keyed by the dataset's exact change stamp, so a write or a
/// re-seed (here, or seen from another instance) moves every request to new entries at once: a cached answer is
/// never older than the data. Old entries are dropped when the stamp moves (Http/OutputCacheEviction.cs), or by
/// size and age.
/// </summary>
public sealed class ApiOutputCachePolicy : IOutputCachePolicy
{
    // What an answer depends on besides path and query. Host exactly as sent: the cache's own key upper-cases it,
    // while JSON-LD IRIs are built from it when LinkedData:BaseIri is unset. Not Accept-Language: an answer depends
    // only on whether it asks for English, which the key holds instead (browsers send many spellings of each).
    private static readonly string[] VariedHeaders = [HeaderNames.Accept, HeaderNames.AcceptEncoding, HeaderNames.Host];
    private const int MaxVariedHeaderLength = 256;
    private const string EnglishKey = "english";
    private const int MaxGraphQLQueryStringLength = 2048;

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        // Not HEAD: it is routed as GET inside (ConditionalGetMiddleware), and the cache cannot keep its empty body.
        var cacheable = HttpMethods.IsGet(request.Method) && ConditionalGetMiddleware.Covers(request.Path);
        // A request carrying credentials is answered fresh: a key holder's answer is not everyone's.
        cacheable &= !request.Headers.ContainsKey(HeaderNames.Authorization) && !request.Headers.ContainsKey(ApiKeys.ApiKeyAuthentication.HeaderName);
        // The key holds these headers as sent. Long or repeated values (no browser or client sends them) are answered
        // fresh: the size limit counts keys too (Http/OutputCacheMemoryStore.cs), and without a bound on each a few
        // requests with long distinct headers would push everyone's answers out.
        cacheable &= VariedHeadersWithinBounds(request.Headers);
        // Without a Host, JSON-LD IRIs are built from the address the client reached, which the key does not hold.
        cacheable &= request.Host.HasValue;
        cacheable &= ConditionalGetMiddleware.IsDated(request.Path) || IsCacheableGraphQL(request);
        context.EnableOutputCaching = cacheable;
        // "only-if-cached" asks a cache not to go to the origin; this is the origin, so it answers (the cache
        // middleware would answer 504 on a miss).
        // Nor does the cache evaluate If-Match or If-Unmodified-Since (ConditionalGetMiddleware does): such a request is
        // neither answered from it nor made to wait for, and then be given, an identical request's answer.
        var preconditioned = ReadPreconditions.Sent(request.Headers);
        context.AllowCacheLookup = cacheable && !preconditioned
            && !HeaderUtilities.ContainsCacheDirective(request.Headers.CacheControl, CacheControlHeaderValue.OnlyIfCachedString);
        context.AllowCacheStorage = cacheable;
        // No request waits for an identical one to be answered and then takes its outcome: when that one's client
        // hung up, the outcome was its cancellation, a 500 for the one waiting. A miss costs one read of the in-memory
        // read model, so identical misses are simply answered side by side.
        context.AllowLocking = false;
        if (cacheable)
        {
            var services = context.HttpContext.RequestServices;
            var stamp = services.GetRequiredService<DatasetVersion>().Stamp;
            // Everything the answer depends on besides the path: the whole query (a custom policy must say so; only the
            // default policy varies by it) and the negotiated headers. Not the query of the fixed documents (OpenAPI,
            // /ns), which ignore one: a key per junk query had let 60 requests for /openapi/v1.json?x=N, 345 KB each,
            // push every other answer out of the cache.
            if (!ConditionalGetMiddleware.IsFixedDocument(request.Path))
            {
                context.CacheVaryByRules.QueryKeys = "*";
            }
            context.CacheVaryByRules.HeaderNames = new StringValues(VariedHeaders);
            if (Labels.LanguageScope.AskedLanguage(request) == "en")
            {
                context.CacheVaryByRules.VaryByValues[EnglishKey] = "yes";
            }
            // The change stamp leads the key: a new stamp is a new set of entries. (Its tag is added when an answer is
            // kept, in ServeResponseAsync: a hit, the common case, needs none.)
            context.CacheVaryByRules.CacheKeyPrefix = services.GetRequiredService<OutputCacheStamps>().KeyPrefix(stamp);
            context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        }
        return ValueTask.CompletedTask;
    }

    // A loop, not LINQ: this runs for every request, and a lambda over the request would be an allocation each time.
    private static bool VariedHeadersWithinBounds(IHeaderDictionary headers)
    {
        foreach (var name in VariedHeaders)
        {
            if (headers[name] is not { Count: <= 1 } values || values is [{ Length: > MaxVariedHeaderLength }])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A GraphQL GET travels in its query string, which the key holds whole: only query strings of a client's usual
    /// size are kept (the benchmark's whole tree takes 270 characters), so that long distinct ones cannot push other
    /// answers out of the cache in a few requests, and only with the spec's parameters (the endpoint ignores others,
    /// which would make endless keys for one answer). GraphQL's answers have no modification date, so If-Modified-Since must be
    /// ignored (RFC 9110 §13.1.3), but the cache would compare it with the kept answer's Date: such a request (rare, as
    /// no answer had a Last-Modified) is answered afresh, where the validators ignore it.
    /// </summary>
    private static bool IsCacheableGraphQL(HttpRequest request) =>
        request.QueryString.Value is not { Length: > MaxGraphQLQueryStringLength }
        && request.Query.Keys.All(k => GraphQL.GraphQLHttpRequestReader.ParameterNames.Contains(k, StringComparer.OrdinalIgnoreCase))
        && (StringValues.IsNullOrEmpty(request.Headers.IfModifiedSince) || !StringValues.IsNullOrEmpty(request.Headers.IfNoneMatch));

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Only complete, successful answers: never a problem, a 304 or anything that sets a cookie. (An answer from
        // within the second of the last change is not kept either: ConditionalGetMiddleware, which dates it, says so.)
        // Nor one whose client hung up: MVC then stops writing without a word, and the 200 it leaves has no body.
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            context.AllowCacheStorage = false;
        }
        else if (context.AllowCacheStorage && context.CacheVaryByRules.CacheKeyPrefix is { } stampPrefix)
        {
            // Under its stamp's tag, so that Http/OutputCacheEviction.cs drops it once the data has moved on.
            context.Tags.Add(OutputCacheStamps.Tag(stampPrefix));
        }
        return ValueTask.CompletedTask;
    }
}
