using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Which form answers a wildcard range (<c>*/*</c>, <c>application/*</c>): the one Accept gives the highest quality,
/// each form's quality taken from the most specific range that matches it (RFC 9110 §12.5.1), and on a tie the first of
/// JSON, JSON-LD and CSV that the resource has. So <c>*/*, application/json;q=0.1</c> prefers JSON-LD or CSV to JSON.
/// MVC hands a wildcard to the first formatter that takes it, which would be JSON whatever the rest of Accept said.
/// </summary>
internal static class AcceptedForms
{
    public static readonly MediaTypeHeaderValue Json = new("application/json");
    public static readonly MediaTypeHeaderValue JsonLd = new(LinkedData.JsonLdTemplates.MediaType);
    public static readonly MediaTypeHeaderValue Csv = new(global::Kushiro.OpenData.Api.Csv.CsvFormat.MediaType);

    /// <summary>Whether Accept allows the form (no Accept allows every form).</summary>
    public static bool Allows(HttpRequest request, MediaTypeHeaderValue form) => Quality(request, form) > 0;

    /// <summary>JSON-LD answers a wildcard when Accept gives it a higher quality than JSON, and no lower than CSV where the resource has it.</summary>
    public static bool JsonLdTakesWildcard(HttpRequest request, Type? type) =>
        Quality(request, JsonLd) > Quality(request, Json)
        && (type is null || global::Kushiro.OpenData.Api.Csv.CsvLists.For(type) is null || Quality(request, JsonLd) >= Quality(request, Csv));

    /// <summary>CSV answers a wildcard when Accept gives it a higher quality than JSON, and than JSON-LD where the resource has it.</summary>
    public static bool CsvTakesWildcard(HttpRequest request, Type? type) =>
        Quality(request, Csv) > Quality(request, Json)
        && (type is null || !LinkedData.JsonLdOutputFormatter.Supports(type) || Quality(request, Csv) > Quality(request, JsonLd));

    // No Accept gives every form the quality 1. The header is parsed once per request: MVC asks each formatter of each range.
    private static double Quality(HttpRequest request, MediaTypeHeaderValue form) =>
        Accept(request) is { Count: > 0 } accept ? RequestContractFilter.Quality(accept, form) : 1;

    private static IList<MediaTypeHeaderValue> Accept(HttpRequest request)
    {
        if (request.HttpContext.Items[typeof(AcceptedForms)] is not IList<MediaTypeHeaderValue> accept)
        {
            request.HttpContext.Items[typeof(AcceptedForms)] = accept = request.GetTypedHeaders().Accept;
        }
        return accept;
    }
}
