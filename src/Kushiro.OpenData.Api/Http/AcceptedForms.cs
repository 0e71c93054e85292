using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Which form answers a wildcard range (<c>*/*</c>) when Accept rules forms out by name: the first of JSON, JSON-LD
/// and CSV that the resource has and Accept allows, since the most specific range decides (RFC 9110 §12.5.1). MVC
/// hands a wildcard to the first formatter that takes it, which would be JSON whatever the rest of Accept said.
/// </summary>
internal static class AcceptedForms
{
    public static readonly MediaTypeHeaderValue Json = new("application/json");
    public static readonly MediaTypeHeaderValue JsonLd = new(LinkedData.JsonLdTemplates.MediaType);
    public static readonly MediaTypeHeaderValue Csv = new(global::Kushiro.OpenData.Api.Csv.CsvFormat.MediaType);

    /// <summary>Whether Accept allows the form (no Accept allows every form).</summary>
    public static bool Allows(HttpRequest request, MediaTypeHeaderValue form) =>
        request.GetTypedHeaders().Accept is not { Count: > 0 } accept || RequestContractFilter.Accepts(accept, form);

    /// <summary>JSON-LD answers a wildcard when JSON is ruled out and JSON-LD is not.</summary>
    public static bool JsonLdTakesWildcard(HttpRequest request) => !Allows(request, Json) && Allows(request, JsonLd);

    /// <summary>CSV answers a wildcard when JSON is ruled out, and JSON-LD too where the resource has it.</summary>
    public static bool CsvTakesWildcard(HttpRequest request, Type? type) =>
        !Allows(request, Json) && (type is null || !LinkedData.JsonLdOutputFormatter.Supports(type) || !Allows(request, JsonLd))
        && Allows(request, Csv);
}
