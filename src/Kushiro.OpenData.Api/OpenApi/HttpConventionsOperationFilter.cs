using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// Documents what operations share, so generated clients know it: conditional request headers (the reads' and the
/// writes' preconditions), the validators and cache headers on 200 (reads only), the reads' 503 while the store is down,
/// Retry-After on 429 and 503, the writes' Location and Content-Location, and one wording for the 304, 400, 406, 412,
/// 413, 415, 429 and 503 answers.
/// </summary>
internal sealed class HttpConventionsOperationFilter : IOperationFilter
{
    private static readonly Dictionary<string, string> CommonResponses = new()
    {
        ["304"] = "Not modified: the representation still matches the client's If-None-Match ETag or is not newer than its If-Modified-Since date. No body.",
        ["400"] = "A query parameter is invalid or unknown; the problem details name it.",
        ["406"] = "The Accept header allows none of the media types this operation serves, or names a charset other than UTF-8 (every answer is UTF-8), or asks for CSV without its header line (`header=absent`: CSV always has one); the problem details list the types.",
        ["412"] = "A precondition failed: the data changed after the If-Unmodified-Since date, or If-Match named an entity tag (it compares strongly, and these ETags are weak, so only * matches). The problem details say which.",
        ["413"] = "The request's body is larger than the operation accepts (64 KB for the write path); nothing was changed.",
        ["415"] = "The request's body is not declared as application/json (Content-Type), or it has a content coding (Content-Encoding: gzip…, which is not decoded; the answer's Accept-Encoding says identity); nothing was changed.",
        ["429"] = "This client address has used up its allowance (RateLimit:PermitsPerMinute, 1200 by default, refilled steadily at that rate; answers from the cache are not counted); nothing was done. Retry after the seconds in Retry-After.",
        ["503"] = "The store was busy with other work for too long (a write waits at most 10 s for each lock on PostgreSQL, 30 s on SQLite), or a PostgreSQL store is not answering at the moment: retry after the seconds in Retry-After; or, without Retry-After, this server may only read the store (an operator must act). Nothing of this request was saved, except that a write may have been when a PostgreSQL store stopped answering as it committed (the problem's detail says so then): read the resource before trying it again.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        // Validators and conditional requests are for reads (Http/ConditionalGetMiddleware.cs): writes neither honour
        // If-None-Match nor answer with an ETag.
        var isRead = HttpMethods.IsGet(context.ApiDescription.HttpMethod ?? "");
        if (isRead)
        {
            // No examples: Swagger UI's "Try it out" sends every example, and a made-up validator or date only turns a
            // first try into a conditional request that cannot match (and shows those headers in its curl line).
            operation.Parameters ??= [];
            operation.Parameters.Add(Header("If-None-Match",
                "ETag(s) of a representation the client holds, as its ETag header gave them (e.g. W/\"LB9Z9MLaUlO9OuTY0d-FROCM\"); when one still matches, the answer is 304 without a body."));
            operation.Parameters.Add(Header("If-Modified-Since",
                "HTTP date, as a Last-Modified header gave it (e.g. Sat, 28 Nov 2026 12:00:00 GMT); when the data has not changed since, the answer is 304. Ignored when If-None-Match is sent, and when it is not an HTTP date (an offset such as +0900, or no zone)."));
            // Not declared, though honoured (412): If-Unmodified-Since and If-Match. Every GET of a generated client would
            // take two more arguments, a change to every caller's code within v1, for what a mirror's paging alone uses.
            AddStoreNotAnswering(operation, context);
        }
        else
        {
            // The write path's preconditions (Kpis/WritePreconditions.cs): a failed one is a 412 that changes nothing.
            operation.Parameters ??= [];
            operation.Parameters.Add(Header("If-Unmodified-Since",
                "HTTP date, as a Last-Modified header the client read gave it: the write is made only if nobody wrote since (any write moves it); else 412."));
            operation.Parameters.Add(Header("If-None-Match",
                "Only *: the write is made only if its target does not exist yet (a figure for the period; for a baseline, any baseline of the KPI; on createKpi always a 412, since its target is the list of KPIs); else 412."));
            operation.Parameters.Add(Header("If-Match",
                "Only *: the write is made only if its target exists; an entity tag always fails (the API's ETags are weak, and If-Match compares strongly); else 412."));
        }

        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }
            if (CommonResponses.TryGetValue(code, out var description) && IsDefault(concrete.Description, code))
            {
                concrete.Description = description;
            }
            // Every operation reads Accept the same way (Http/AcceptRanges.cs), whatever else its 400 is for.
            if (code == "400" && concrete.Description?.Contains("Accept", StringComparison.Ordinal) == false)
            {
                concrete.Description += " Also a range of the Accept header that cannot be read (a weight that is no number from 0 to 1, a parameter without a value).";
            }
            if (code is "429" or "503")
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["Retry-After"] = ResponseHeader("Seconds to wait before trying again.", code == "429" ? "1" : isRead ? "10" : "2");
            }
            // Writes: where a new KPI is, and which resource a figure write's answer shows (Kpis/KpiWriter.cs).
            if (code == "201" && operation.OperationId == "createKpi")
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["Location"] = ResponseHeader("The new KPI (root-relative, as every link of the API).", "/api/v1/kpis/fishery-new-workers");
            }
            if (code is "200" or "201" && operation.OperationId is "putKpiFigure" or "deleteKpiFigure")
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["Content-Location"] = ResponseHeader(
                    "The KPI that holds the figure, which the body shows. A new figure (201) is the request's own URL; there is no Location.",
                    "/api/v1/kpis/fishery-new-workers");
            }
            if (code == "200" && isRead)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["ETag"] = ResponseHeader("Weak validator of this representation, for If-None-Match.", "W/\"LB9Z9MLaUlO9OuTY0d-FROCM\"");
                concrete.Headers["Last-Modified"] = ResponseHeader("When the served data last changed, for If-Modified-Since (and If-Unmodified-Since, to stop paging when the data changed).", "Sat, 28 Nov 2026 12:00:00 GMT");
                concrete.Headers["Cache-Control"] = ResponseHeader("Caches may store the response but must revalidate it (If-None-Match) before each reuse, so a write shows at once.", "public, no-cache");
            }
            // The downloads name their file (Export/ExportController.cs), which a browser app saves under that name.
            if (code == "200" && DownloadNames.TryGetValue(operation.OperationId ?? "", out var fileName))
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["Content-Disposition"] = ResponseHeader("An attachment, with the file name to save it under.", Export.DownloadNames.Attachment(fileName));
            }
            // RFC 9110 §15.4.5: a 304 carries the ETag and Cache-Control a 200 would (a civic review found them undeclared).
            if (code == "304" && isRead)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["ETag"] = ResponseHeader("The validator the stored representation still has, as its 200 carried it.", "W/\"LB9Z9MLaUlO9OuTY0d-FROCM\"");
                concrete.Headers["Cache-Control"] = ResponseHeader("As on the 200: caches may store the response but must revalidate it before each reuse.", "public, no-cache");
            }
        }
    }

    // Any read may need the store: a KPI, its observations and the changes feed read it (Data/ReadsTheStoreAttribute.cs),
    // every other read reloads the tree from it once the data changed (a write here or on another instance), and a
    // request with an API key is checked against it. While a PostgreSQL store is not answering, such a read is a 503;
    // the contract had declared it on writes only, then on the first three (a code review), so a generated client met
    // an undeclared status without its problem type or Retry-After.
    private static void AddStoreNotAnswering(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        operation.Responses.TryAdd("503", new OpenApiResponse
        {
            Description = "This answer needed the store, and the store could not give it: a PostgreSQL store is not answering at the moment (down, restarting or overloaded; Retry-After 10), the store was busy with other work for too long, or this server met another instance's change while making the answer (Retry-After 2). An answer needs the store when the operation reads it (a KPI, its observations, the changes feed), when this server has seen a change since it last loaded the data, or when the request carries an API key, which is checked against the store. Retry after the seconds in Retry-After; what this server holds in memory is served meanwhile.",
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository) },
            },
        });
    }

    // Swashbuckle falls back to the reason phrase where the action has no <response> doc of its own.
    private static bool IsDefault(string? description, string code) =>
        string.IsNullOrEmpty(description) || description == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture));

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static readonly Dictionary<string, string> DownloadNames = new()
    {
        ["exportJsonLd"] = Export.DownloadNames.JsonLd,
        ["exportCsv"] = Export.DownloadNames.Csv("goals"),
        ["exportCsvArchive"] = Export.DownloadNames.CsvArchive,
    };

    private static OpenApiHeader ResponseHeader(string description, string example) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = JsonValue.Create(example),
    };
}
