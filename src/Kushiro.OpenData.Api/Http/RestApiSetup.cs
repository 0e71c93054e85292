using System.Text;
using System.Text.Encodings.Web;
using Asp.Versioning;
using Kushiro.OpenData.Api.Labels;
using Kushiro.OpenData.Api.Csv;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>The REST surface's plumbing: MVC (JSON, and CSV for lists), URL versioning, problem details, CORS, compression, caching.</summary>
public static class RestApiSetup
{
    // Japanese and '&' in links stay readable in JSON. "Unsafe" only for embedding in HTML, which a JSON API does not do.
    internal static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static IServiceCollection AddRestApi(this IServiceCollection services)
    {
        // First of the problem writers, ahead of MVC's own (which negotiates, and so writes nothing for a 406).
        services.AddSingleton<IProblemDetailsWriter, JsonProblemDetailsWriter>();
        services.AddSingleton<RequestContractFilter>();
        services.AddSingleton<ApiVersionsHeaderFilter>();
        services.AddControllers(o =>
            {
                // RequestContractFilter answers 406 from the published media types; MVC's own check would also
                // refuse "application/json; charset=utf-8", which names exactly what is served.
                o.ReturnHttpNotAcceptable = false;
                // Versions first: the request contract's 406s and 400s report them too.
                o.Filters.AddService<ApiVersionsHeaderFilter>();
                o.Filters.AddService<RequestContractFilter>();
                // Accept is honoured as sent, so "text/csv, */*;q=0.1" gets CSV: by default MVC ignores any Accept with */*.
                o.RespectBrowserAcceptHeader = true;
                // MVC's JSON formatter, reading Accept's parameters and q=0 as RFC 9110 does (JsonAnswerFormatter).
                var mvcJson = o.OutputFormatters.OfType<SystemTextJsonOutputFormatter>().Single();
                var json = new JsonAnswerFormatter(mvcJson.SerializerOptions);
                o.OutputFormatters[o.OutputFormatters.IndexOf(mvcJson)] = json;
                // The contract publishes application/json; text/json would answer "Accept: text/*", where CSV is meant.
                json.SupportedMediaTypes.Remove("text/json");
                // Ahead of JSON, which takes every wildcard: CSV takes */* only where Accept gives it the highest weight (AcceptedForms).
                o.OutputFormatters.Insert(o.OutputFormatters.IndexOf(json), new CsvOutputFormatter());
                // Answers are UTF-8 only (RFC 8259 for JSON). MVC's JSON and text formatters would also write UTF-16
                // for "Accept-Charset: utf-16", a header the output cache does not vary by: one such request made
                // every later client of that URL get UTF-16 until the data changed.
                foreach (var text in o.OutputFormatters.OfType<TextOutputFormatter>())
                {
                    text.SupportedEncodings.Where(e => e.CodePage != Encoding.UTF8.CodePage).ToList()
                        .ForEach(e => text.SupportedEncodings.Remove(e));
                }
            })
            .AddJsonOptions(o =>
            {
                o.JsonSerializerOptions.Encoder = Encoder;
                // Staff bodies are read strictly: {"value": 1, "value": 2} and {"value": "12"} are 400s, not guesses.
                o.JsonSerializerOptions.AllowDuplicateProperties = false;
                o.JsonSerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
                o.JsonSerializerOptions.Converters.Add(new DateTimeTextConverter());
                // Answers from build-time contracts; what it does not list (request bodies) from reflection.
                o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            })
            .ConfigureApiBehaviorOptions(o => o.InvalidModelStateResponseFactory = InvalidParameters);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = Encoder);

        services.AddApiVersioning(o =>
            {
                o.DefaultApiVersion = new ApiVersion(1, 0);
                o.ReportApiVersions = true;
                o.ApiVersionReader = new UrlSegmentApiVersionReader();
            })
            .AddMvc()
            .AddApiExplorer(o =>
            {
                o.GroupNameFormat = "'v'VVV";
                o.SubstituteApiVersionInUrl = true;
            });

        services.AddProblemDetails(o => o.CustomizeProblemDetails = BareProblemDetails.Describe);
        services.AddClientRateLimit();
        services.AddExceptionHandler<StoreUnavailableExceptionHandler>();
        services.AddExceptionHandler<ClientRequestExceptionHandler>();

        // The policies are fixed at start, so one provider serves every request. AddCors registers it transient, and
        // CorsMiddleware asks for it on every request: with the DI container's interpreter (see the project file),
        // that is a reflection call and an allocation for each answer, cached ones included.
        services.AddSingleton<ICorsPolicyProvider, DefaultCorsPolicyProvider>();
        services.AddCors(o => o.AddDefaultPolicy(p => p
            .AllowAnyOrigin()
            // POST for /graphql, PUT and DELETE for staff tools of the write path. No credentials (cookies) are ever
            // allowed, and writes need an API key in a header, so any origin is safe.
            .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
            .AllowAnyHeader()
            // Content-Disposition: the file name of an export, for a browser app that saves it.
            .WithExposedHeaders(HeaderNames.ETag, HeaderNames.LastModified, HeaderNames.Link, "api-supported-versions", HeaderNames.ContentDisposition,
                // Staff tools in a browser: where a new KPI is, which KPI a figure write's answer shows, and when to
                // retry a write the store was too busy for.
                HeaderNames.Location, HeaderNames.ContentLocation, HeaderNames.RetryAfter,
                // What a 405 says the path takes, and what a 415 says a body may be coded in.
                HeaderNames.Allow, HeaderNames.AcceptEncoding,
                // A pager's If-Unmodified-Since when the first page had no Last-Modified yet (README), how long a
                // cached answer has been kept, and the scheme a 401 asks for: none is CORS-safelisted.
                HeaderNames.Date, HeaderNames.Age, HeaderNames.WWWAuthenticate)
            // If-None-Match is not a CORS-safelisted header, so a browser app that revalidates is preflighted: this lets
            // the browser keep the preflight's answer for two hours (Chromium's ceiling) instead of asking before every
            // request. A release that changes the allowed methods or headers reaches a browser within those two hours.
            .SetPreflightMaxAge(TimeSpan.FromHours(2))));

        services.AddOutputCache(o =>
        {
            // Every distinct answer the API has (lists, items, exports, each representation) is a few MB; a crawl of
            // every query variant is not. The bound counts each entry's answer, key and bookkeeping (our store), but
            // not the garbage collector's slack around them (a benchmark of distinct searches took RSS up by 120 MB
            // at 32 MB), so it is kept small.
            o.SizeLimit = 8 * 1024 * 1024;
            // IDs and codes are case-sensitive (/themes/fields/energy exists, /themes/fields/ENERGY is a 404).
            o.UseCaseSensitivePaths = true;
            o.AddBasePolicy(new ApiOutputCachePolicy());
        });
        // Registered after AddOutputCache, so it replaces ASP.NET Core's store, which counts answers but not keys.
        services.AddSingleton<IOutputCacheStore>(provider =>
            new OutputCacheMemoryStore(provider.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit));
        services.AddSingleton<OutputCacheStamps>();
        services.AddHostedService<OutputCacheEviction>();

        services.AddResponseCompression(o =>
        {
            // Public data and no secrets in responses, so compressing over HTTPS carries no BREACH risk.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            // The API's own answers, whose ETags are weak (compressed or not, the same data). Not the IDE's and Swagger
            // UI's pages, scripts and style sheets (the defaults' HTML, CSS and JavaScript): the static-file middleware
            // gives them the file's strong ETag, which compressed bytes would contradict (RFC 9110 §8.8.3: a range of the
            // plain file spliced onto a gzip download). They are a few KB; Swagger UI's bundle comes compressed as shipped.
            o.MimeTypes = ["application/json", "text/plain", "application/problem+json", "application/graphql-response+json", "application/ld+json", CsvFormat.MediaType];
        });
        return services;
    }

    public static WebApplication UseRestApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        // CORS outside the cache, so a cached answer still gets the headers its own request asks for; and on every
        // answer, so one a shared cache stored for a request without Origin serves browsers too.
        app.UseEveryAnswerHeaders();
        app.UsePreflightHeaderNamesCheck();
        app.UseCors();
        // First of what answers: every middleware after it may take "head" for HEAD.
        app.UseMethodSpellingCheck();
        // Before the cache, whose entries vary by Accept, and everything else that reads it.
        app.UseAcceptParametersQuoted();
        // Before the cache and the validators, which would read such a date with a laxer parser.
        app.UseInvalidIfModifiedSinceIgnored();
        // Outside the cache: a revalidation the cache could not answer is kept in full there and told 304 here.
        app.UseMiddleware<KeptRevalidationMiddleware>();
        // Outermost of what makes an answer: a hit skips everything below (compression included: entries vary by
        // Accept-Encoding).
        app.UseOutputCache();
        app.UseNoCacheOnErrors();
        // Behind the cache: what it answers costs no work and is not counted (Http/ClientRateLimit.cs).
        app.UseRateLimiter();
        app.UseAcceptEncodingWildcardSpelledOut();
        app.UseResponseCompression();
        // Inside compression (it hashes the plain bytes), outside status pages (it sees final bodies), and
        // before routing, so the HEAD it turns into GET is routed as GET.
        app.UseMiddleware<ConditionalGetMiddleware>();
        // Inside the validators: an English answer is other bytes, so another ETag.
        app.UseLanguageScope();
        app.UseStatusCodePages();
        app.UseUnsupportedApiVersionProblem();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static IActionResult InvalidParameters(ActionContext context)
    {
        var names = context.ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList();
        var problems = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        // Every route value is a string, which binding refuses only when it is white space (/goals/%20); its "The id field
        // is required." would say that no ID was sent. A read finds no resource there, a write is told what the segment is.
        // Only a segment that is white space: "period" is also where a write's checks say a period is no period.
        var segments = names.Where(n => context.RouteData.Values.TryGetValue(n, out var value) && string.IsNullOrWhiteSpace(value as string)).ToList();
        if (segments.Count == names.Count && segments.Count > 0 && HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            return new ProblemResult(problems.CreateProblemDetails(context.HttpContext, StatusCodes.Status404NotFound));
        }
        foreach (var segment in segments)
        {
            context.ModelState[segment]!.Errors.Clear();
            context.ModelState.AddModelError(segment, $"\"{segment}\" in the path is only white space.");
        }
        var problem = problems
            .CreateValidationProblemDetails(context.HttpContext, context.ModelState, StatusCodes.Status400BadRequest,
                detail: JsonProblemDetailsWriter.ValidationDetail);
        return new ProblemResult(problem);
    }
}
