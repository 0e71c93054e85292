using System.Security.Cryptography;
using Kushiro.OpenData.Api.Data;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Validators and caching for every GET under /api, of the OpenAPI documents, of the JSON-LD vocabulary (/ns) and of
/// GraphQL (/graphql and its schema): an ETag from the hash of the exact bytes served (so it changes exactly when the
/// representation does, whether data or code changed it), Last-Modified from the dataset (not for GraphQL),
/// Cache-Control, 304 for If-None-Match / If-Modified-Since, and 412 for If-Match / If-Unmodified-Since
/// (Http/ReadPreconditions.cs). HEAD is served as GET without the body.
/// </summary>
public sealed class ConditionalGetMiddleware(RequestDelegate next, DatasetVersion dataset, TimeProvider time)
{
    // Caches may store every answer but must revalidate it (a 304 costs a hash, not a store read): since staff write
    // KPI figures, a fixed lifetime would serve stale figures for that long after a write.
    private const string CacheControl = "public, no-cache";

    // Every answer here is negotiated by media type; the compression middleware outside picks the encoding. Those
    // that add English on request say Accept-Language themselves (Labels/LanguageScope.cs): on the rest (KPIs, exports,
    // the catalog, JSON-LD, this OpenAPI document) a shared cache would keep one copy per browser language for nothing.
    private static readonly string[] VariedHeaders = [HeaderNames.Accept, HeaderNames.AcceptEncoding];
    private static readonly string VariedHeaderList = string.Join(", ", VariedHeaders);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isHead = HttpMethods.IsHead(request.Method);
        if (!(isHead || HttpMethods.IsGet(request.Method)) || !Covers(request.Path))
        {
            await next(context);
            return;
        }
        if (isHead)
        {
            // Controllers map GET only; routing HEAD as GET gives every resource HEAD with identical headers.
            request.Method = HttpMethods.Get;
        }

        // Read before the answer is made, never after: the answer reads a snapshot at least this new, so the date it
        // gets is never newer than its data. Read afterwards, a write committed meanwhile would date the old bytes
        // with its own second, and a client revalidating by date would be told 304 and keep them. And a date is a
        // validator only once no write can still come dated within its second (DatasetVersion.ValidatorDateAsync): two
        // writes within one second share it, so a client holding it from the first could be told "not modified"
        // after the second. Until then: the ETag only.
        // Asked only where a date is sent (not GraphQL), since it may read the store.
        // And a change seen from here until the answer is made (a write here, or another instance's met by a read of
        // the store: Data/ReadsTheStoreAttribute.cs, or by the date's own read) may be in it: then the date read
        // before would be older than its data, and the answer goes undated.
        var stampBefore = dataset.Stamp;
        var dated = IsDated(request.Path);
        var validatorDate = dated ? await dataset.ValidatorDateAsync(context.RequestServices, time.GetUtcNow()) : null;
        using var buffer = new MemoryStream();
        await BufferedAnswer.RunAsync(context, next, buffer);
        var response = context.Response;

        // Also on a 304, which the compression middleware outside leaves without its Vary. Merged with what the
        // endpoint varies by, so that each header is named once, and one line, as a client reading one Vary expects.
        var endpointVaries = response.Headers.GetCommaSeparatedValues(HeaderNames.Vary);
        response.Headers.Vary = endpointVaries.Length == 0
            ? VariedHeaderList
            : string.Join(", ", VariedHeaders.Concat(endpointVaries).Distinct(StringComparer.OrdinalIgnoreCase));
        // Held to the data's date read now, after the answer: it may hold data newer than validatorDate (read before, so
        // as never to date an answer newer than its data), and a mirror must not be told "unchanged" of those.
        if (response.StatusCode == StatusCodes.Status200OK
            && ReadPreconditions.Failure(request, dated ? dataset.LastModified : null) is { } failure)
        {
            await ReadPreconditions.RefuseAsync(context, failure, isHead);
            return;
        }
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = new EntityTagHeaderValue($"\"{Hash(buffer, response.ContentType, response.Headers.Link)}\"", isWeak: true);
            // Not for GraphQL: the same query on the same data can also answer a timeout under 200, and a client
            // revalidating by date would keep that as not modified. Its ETag, a hash of the bytes, cannot.
            var lastModified = dataset.Stamp == stampBefore ? validatorDate : null;
            var headers = response.GetTypedHeaders();
            headers.ETag = etag;
            headers.LastModified = lastModified;
            response.Headers.CacheControl = CacheControl;
            var cache = context.Features.Get<IOutputCacheFeature>()?.Context;
            if (cache is not null && lastModified is null && dated)
            {
                // Undated, it would be served from memory after its second is over still without a date. (GraphQL's
                // answers are never dated; the endpoint itself keeps those with errors out of the cache.)
                cache.AllowCacheStorage = false;
            }
            if (NotModified(request.GetTypedHeaders(), etag, lastModified))
            {
                if (!KeptAndAnsweredByOutputCache(cache))
                {
                    // The content's own headers go; an endpoint that set its length (exports, /ns) set it for the body.
                    response.StatusCode = StatusCodes.Status304NotModified;
                    response.Headers.Remove(HeaderNames.ContentType);
                    response.ContentLength = null;
                    return;
                }
                // The full answer goes on, for the output cache to keep; the client still gets its 304, from
                // KeptRevalidationMiddleware outside the cache.
                context.Features.Set(AnsweredInFullForTheCache.Instance);
            }
        }
        // None on a HEAD the compression middleware might have compressed as a GET, not even one the endpoint set: its
        // length would not be the GET's, and a HEAD may carry a Content-Length only if it is the GET's (RFC 9110 §8.6).
        if (isHead && GetWouldBeCompressed(context))
        {
            response.ContentLength = null;
        }
        else if (buffer.Length > 0)
        {
            response.ContentLength = buffer.Length;
        }
        if (!isHead)
        {
            await BufferedAnswer.SendAsync(context, buffer);
        }
    }

    /// <summary>
    /// Whether the output cache outside is about to keep this answer and answer the next request like it from memory.
    /// Then a conditional request that matches is answered in full here: the cache keeps only 200s, so a 304 here
    /// would leave it empty, and every later revalidation of this variant (a poller that always sends its ETag) would
    /// be built afresh, JSON and a hash each, instead of being answered 304 from memory. The client is told 304 all
    /// the same, outside the cache (<see cref="KeptRevalidationMiddleware"/>).
    /// </summary>
    private static bool KeptAndAnsweredByOutputCache(OutputCacheContext? cache) =>
        cache is { EnableOutputCaching: true, AllowCacheStorage: true, AllowCacheLookup: true };

    /// <summary>
    /// The paths with validators: the REST API, the OpenAPI documents, the JSON-LD vocabulary, and GraphQL's endpoint
    /// and schema (not the IDE's static files beside them, which keep the static-file middleware's own validators).
    /// </summary>
    public static bool Covers(PathString path) =>
        IsDated(path)
        || (path.StartsWithSegments(GraphQL.GraphQLEndpoint.Path, out var rest) && (!rest.HasValue || rest == "/" || rest == "/schema.graphql"));

    /// <summary>
    /// The paths whose answers are made from the dataset and the build alone, both of which move Last-Modified, so
    /// that they are dated. Not GraphQL: the same query on the same data can also answer a timeout under 200.
    /// </summary>
    public static bool IsDated(PathString path) => path.StartsWithSegments("/api") || IsFixedDocument(path);

    /// <summary>
    /// The documents that take no query and ignore one: the OpenAPI documents and the JSON-LD vocabulary and context
    /// (the output cache keeps one answer for each, whatever the query).
    /// </summary>
    public static bool IsFixedDocument(PathString path) => path.StartsWithSegments("/openapi") || path.StartsWithSegments("/ns");

    /// <summary>Marks a 200 made in full only for the output cache to keep; its request's validators matched.</summary>
    internal sealed class AnsweredInFullForTheCache
    {
        public static readonly AnsweredInFullForTheCache Instance = new();
    }

    // What the compression middleware outside decides for the GET, asked of it by the same rules: the response's media
    // type, and a coding of its own that Accept-Encoding accepts above q=0. "identity" alone, which Python's
    // http.client sends, or "gzip;q=0" gets the plain bytes, whose length a HEAD can give.
    private static bool GetWouldBeCompressed(HttpContext context)
    {
        var compression = context.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        return compression.CheckRequestAcceptsCompression(context)
            && compression.ShouldCompressResponse(context)
            && compression.GetCompressionProvider(context) is not null;
    }

    // RFC 9110 §13.1.3: If-None-Match (weak comparison) wins; If-Modified-Since counts only without it.
    private static bool NotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        if (request.IfNoneMatch is { Count: > 0 } candidates)
        {
            return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(etag, useStrongComparison: false));
        }
        return request.IfModifiedSince is { } since && lastModified is { } modified && modified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    // Weak ETag: the same entity may be sent gzip- or br-encoded by the compression middleware outside. The Link
    // header is part of what is validated: a CSV page has its paging there only, and a page whose rows stayed while
    // the list grew gains a "next" a mirror revalidating it must not be told it already has.
    private static string Hash(MemoryStream body, string? contentType, StringValues link)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // A line break between the parts: neither header can hold one.
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{contentType}\n{link}\n"));
        sha.AppendData(body.GetBuffer(), 0, (int)body.Length);
        return Convert.ToBase64String(sha.GetHashAndReset(), 0, 18).Replace('+', '-').Replace('/', '_');
    }
}
