using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.Options;

namespace Kushiro.OpenData.Api.LinkedData;

/// <summary>JSON-LD for every resource, the context and vocabulary it needs, and the stable /id/ IRIs.</summary>
public static class LinkedDataSetup
{
    public static IServiceCollection AddLinkedData(this IServiceCollection services)
    {
        // First, ahead of the JSON formatter, which would otherwise answer application/ld+json (it takes */*+json) with plain JSON.
        services.Configure<MvcOptions>(o => o.OutputFormatters.Insert(0, new JsonLdOutputFormatter()));
        services.AddTransient<IApiDescriptionProvider, JsonLdApiDescriptionProvider>();
        LinkedDataOptions.Register(services);
        return services;
    }

    public static IEndpointRouteBuilder MapLinkedData(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        if (string.IsNullOrWhiteSpace(services.GetRequiredService<IConfiguration>()["LinkedData:BaseIri"]))
        {
            // Fine on a laptop; in production the IRIs would follow whatever Host header a client sends. Said once the
            // server serves: a command run on the same settings (apikey create) makes no IRIs.
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LinkedDataSetup)).LogWarning(
                    "LinkedData:BaseIri is not set: JSON-LD IRIs use each request's origin. Set LinkedData__BaseIri to the public origin for stable IRIs."));
        }
        // HEAD too, so that a 405 names it in Allow, as the API's other resources do. Each is an IRI: IriChecks first.
        static void Iri(RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter(IriChecks).ExcludeFromDescription();
        Iri(endpoints.MapMethods("/ns", [HttpMethods.Get, HttpMethods.Head], (HttpContext http) =>
            JsonLd(http, () => JsonLdTemplates.Vocabulary(LinkedDataIris.For(http)))));
        Iri(endpoints.MapMethods("/ns/context.jsonld", [HttpMethods.Get, HttpMethods.Head], (HttpContext http) =>
            JsonLd(http, () => JsonLdTemplates.Context(LinkedDataIris.For(http)))));
        Iri(endpoints.MapMethods("/id/{type}/{**id}", [HttpMethods.Get, HttpMethods.Head], Redirect));
        Iri(endpoints.MapMethods("/id/{type}", [HttpMethods.Get, HttpMethods.Head], Redirect));
        return endpoints;
    }

    /// <summary>
    /// The document, or a 406 when Accept rules out JSON-LD (text/turtle alone, say, or ld+json with q=0), as the API's
    /// other resources answer (an Accept it cannot read got its 400 from IriChecks): a client that can read only another
    /// syntax learns it at once. Asking for
    /// application/json by name is enough, since a JSON-LD document is JSON and processors' loaders ask for both.
    /// </summary>
    private static IResult JsonLd(HttpContext http, Func<string> document)
    {
        var accept = http.Request.GetTypedHeaders().Accept;
        var jsonAskedFor = accept.Any(a => Http.AcceptRanges.Weight(a) != 0 && a.MediaType.Equals(Http.AcceptedForms.Json.MediaType, StringComparison.OrdinalIgnoreCase)
            && Http.JsonRequestBody.IsUtf8(a));
        var jsonLdRefused = accept.Any(a => Http.AcceptRanges.Weight(a) == 0 && a.MediaType.Equals(Http.AcceptedForms.JsonLd.MediaType, StringComparison.OrdinalIgnoreCase));
        if (accept.Count > 0 && !Http.RequestContractFilter.Accepts(accept, Http.AcceptedForms.JsonLd) && !(jsonAskedFor && !jsonLdRefused))
        {
            return Results.Problem(statusCode: StatusCodes.Status406NotAcceptable,
                detail: $"This resource is available as {JsonLdTemplates.MediaType}, in UTF-8; the Accept header allows neither it nor application/json.");
        }
        return Results.Text(document(), JsonLdTemplates.MediaType, System.Text.Encoding.UTF8);
    }

    private static readonly Microsoft.Net.Http.Headers.MediaTypeHeaderValue PlainTextMediaType = new("text/plain");

    /// <summary>
    /// A 404 for an IRI written with a trailing slash (/id/catalog/, /ns/): another IRI, which names nothing. Routing
    /// matches such paths, so /id/catalog/ had been sent to the catalog and /ns/ served the vocabulary, while
    /// /id/goal/1/ was a 404: a harvester could not tell which spelling was the name. The IRI without the slash is not
    /// suggested: it may name nothing either (/id/goal/). Nor is /ID/goal/1 a name, which routing matches too (its
    /// fixed words match whatever their case), while /id/Goal/1 was a 404: an IRI is compared character by character.
    /// </summary>
    private static IResult? NotAnIri(HttpContext http) => http.Request.Path.Value switch
    {
        { Length: > 1 } path when path.EndsWith('/') =>
            Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Nothing is named {path}: IRIs here have no trailing slash."),
        { } path when !path.StartsWith("/id/", StringComparison.Ordinal) && path is not ("/ns" or "/ns/context.jsonld") =>
            Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Nothing is named {path}: IRIs here are written in lower case (/id/…, /ns)."),
        _ => null,
    };

    /// <summary>
    /// What every IRI answers before its handler runs: a 404 for a spelling that names nothing, then a 400 for an Accept
    /// range the API cannot read, as REST answers it (Http/AcceptRanges.cs). The documents negotiate, and the /id
    /// redirects send on to representations that would refuse such a range anyway.
    /// </summary>
    private static async ValueTask<object?> IriChecks(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        NotAnIri(context.HttpContext)
        ?? (Http.AcceptRanges.Unreadable(context.HttpContext.Request.GetTypedHeaders().Accept) is { } unreadable
            ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: unreadable)
            : await next(context));

    /// <summary>303 See Other: the IRI names the thing itself; its description lives at the current API version.</summary>
    private static async Task<IResult> Redirect(string type, string? id, HttpContext http, Strategy.ReadModel.StrategyReadModel readModel, Themes.ThemeCatalog themes)
    {
        var graph = await readModel.GetAsync(http.RequestAborted);
        if (LinkedDataIris.Representation(type, id ?? "", graph, themes) is { } target)
        {
            return target == Http.ApiLinks.SourceDocument
                ? new SeeOther(SourceDocumentOrItsDescription(http.Request.GetTypedHeaders().Accept), varies: true)
                : new SeeOther(target);
        }
        // A KPI's IRI, or one of its figures', after the KPI was deleted: said, as its REST address says it.
        var kpi = type == "kpi" && !string.IsNullOrEmpty(id) ? id.Split('/')[0] : null;
        var deleted = kpi is null ? null : await DeletionNoteOrNothingAsync(http, kpi);
        return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: deleted is null
            ? $"Nothing is named {http.Request.Path}."
            : $"Nothing is named {http.Request.Path}: KPI \"{kpi}\" is gone; {deleted}.");
    }

    /// <summary>
    /// The source text is served as text/plain only; its description (title, SHA-256, where the text is) is in the
    /// plan's document. A client that prefers JSON-LD or JSON to plain text (a JSON-LD loader asks for both, and
    /// nothing else) is sent to that description, which it can read, rather than to a text it would be refused.
    /// </summary>
    private static string SourceDocumentOrItsDescription(IList<Microsoft.Net.Http.Headers.MediaTypeHeaderValue> accept)
    {
        if (accept.Count == 0)
        {
            return Http.ApiLinks.SourceDocument;
        }
        var description = Math.Max(Http.RequestContractFilter.Quality(accept, Http.AcceptedForms.JsonLd), Http.RequestContractFilter.Quality(accept, Http.AcceptedForms.Json));
        return description > Http.RequestContractFilter.Quality(accept, PlainTextMediaType) ? Http.ApiLinks.Plan : Http.ApiLinks.SourceDocument;
    }

    // The IRIs answer from the read model, also while the store is down or slow: the deletion note is extra, asked of
    // the store for an unknown KPI only, for a second at most, and left out when the store cannot say.
    private static async Task<string?> DeletionNoteOrNothingAsync(HttpContext http, string kpi)
    {
        using var shortly = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        shortly.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            var db = http.RequestServices.GetRequiredService<Data.OpenDataContext>();
            return await Kpis.KpiNotFound.DeletionNoteAsync(db, kpi, shortly.Token);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested
            && (e is OperationCanceledException || Data.StoreErrors.IsUnreachable(e) || Data.StoreErrors.IsBusy(e)))
        {
            return null;
        }
    }

    private sealed class SeeOther(string location, bool varies = false) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = location;
            if (varies)
            {
                http.Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, Microsoft.Net.Http.Headers.HeaderNames.Accept);
            }
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// Adds application/ld+json to every GET whose 200 answer has a JSON-LD form, so the OpenAPI document offers it and
/// the request contract check (406) accepts it: the same API description serves both.
/// </summary>
internal sealed class JsonLdApiDescriptionProvider(IOptions<MvcOptions> mvc) : IApiDescriptionProvider
{
    public int Order => 0; // After the default provider (-1000), which fills in the response types.

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
        var formatter = mvc.Value.OutputFormatters.OfType<JsonLdOutputFormatter>().Single();
        foreach (var response in context.Results
            .Where(d => d.HttpMethod == HttpMethods.Get)
            .SelectMany(d => d.SupportedResponseTypes)
            .Where(r => r.StatusCode == StatusCodes.Status200OK && r.Type is not null && JsonLdOutputFormatter.Supports(r.Type)))
        {
            if (response.ApiResponseFormats.All(f => f.MediaType != JsonLdTemplates.MediaType))
            {
                response.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = JsonLdTemplates.MediaType, Formatter = formatter });
            }
        }
    }
}
