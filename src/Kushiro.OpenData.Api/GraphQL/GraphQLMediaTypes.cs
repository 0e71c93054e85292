using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>The response media types of the GraphQL-over-HTTP spec, and picking one from an Accept header.</summary>
public static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string Html = "text/html";

    /// <summary>
    /// The media type to answer with, or null when the client accepts neither. Each type takes the quality of the
    /// most specific range that names it (so <c>application/json;q=0, */*</c> refuses JSON). No Accept header means
    /// application/json, as does a tie reached only through wildcards (the spec's choice for legacy clients); a tie
    /// between ranges naming both types goes to the spec's own graphql-response+json.
    /// </summary>
    public static string? Negotiate(IList<MediaTypeHeaderValue> accept)
    {
        if (accept.Count == 0)
        {
            return Json;
        }
        var response = Quality(accept, GraphQLResponse);
        var json = Quality(accept, Json);
        if (response.Value <= 0 && json.Value <= 0)
        {
            return null;
        }
        if (response.Value != json.Value)
        {
            return response.Value > json.Value ? GraphQLResponse : Json;
        }
        if (response.Specificity != json.Specificity)
        {
            return response.Specificity > json.Specificity ? GraphQLResponse : Json;
        }
        return response.Specificity == ExactMatch ? GraphQLResponse : Json;
    }

    /// <summary>
    /// Whether a browser asks for the IDE: text/html named, and preferred at least as much as JSON; strictly more when
    /// the request carries a query. A browser opening a shared IDE link prefers HTML (and JSON only through */*), while
    /// a client that lists both as equals (<c>application/json, text/html</c>) and sends a query wants its answer: it
    /// had got the IDE's page. With a query, only a browser's navigation gets the page, and browsers name
    /// application/xhtml+xml there: Java's HttpURLConnection asks <c>text/html, image/gif, image/jpeg, *; q=.2, */*;
    /// q=.2</c> by default, which prefers HTML once its weights are read as written, and it wants the answer.
    /// </summary>
    public static bool WantsHtml(IList<MediaTypeHeaderValue> accept, bool carriesQuery)
    {
        // Named, not matched: MediaTypeHeaderValue's own MatchesMediaType would let */* stand for text/html.
        var html = accept.Where(a => a.Names(Html) || a.Names("text/*")).Select(a => Http.AcceptRanges.Weight(a) ?? 1).DefaultIfEmpty(0).Max();
        var json = Math.Max(Quality(accept, Json).Value, Quality(accept, GraphQLResponse).Value);
        return html > 0 && (carriesQuery ? html > json && accept.Any(a => a.Names("application/xhtml+xml")) : html >= json);
    }

    private const int ExactMatch = 2;

    private static (double Value, int Specificity) Quality(IList<MediaTypeHeaderValue> accept, string type)
    {
        var best = (Value: 0.0, Specificity: -1);
        foreach (var range in accept)
        {
            var name = range.MediaType.Value ?? "";
            var specificity = name.Equals(type, StringComparison.OrdinalIgnoreCase) ? ExactMatch
                : name.Equals("application/*", StringComparison.OrdinalIgnoreCase) ? 1
                : name == "*/*" ? 0
                : -1;
            // Of two equally specific ranges (application/json;q=0, application/json;q=1), the higher weight, as REST reads them.
            var weight = Http.AcceptRanges.Weight(range) ?? 1;
            if (specificity >= 0 && (specificity > best.Specificity || (specificity == best.Specificity && weight > best.Value)) && Http.JsonRequestBody.IsUtf8(range))
            {
                best = (weight, specificity);
            }
        }
        return best;
    }

    private static bool Names(this MediaTypeHeaderValue range, string type) =>
        range.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase);
}
