using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>The response media types of the GraphQL-over-HTTP spec, and picking one from an Accept header.</summary>
public static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string Html = "text/html";

    /// <summary>
    /// The media type to answer with, or null when the client accepts neither. No Accept header, or only
    /// wildcards, means application/json (the spec's choice for legacy clients); at equal quality the
    /// spec's own graphql-response+json wins.
    /// </summary>
    public static string? Negotiate(IList<MediaTypeHeaderValue> accept)
    {
        if (accept.Count == 0)
        {
            return Json;
        }
        return accept
            .Where(a => (a.Quality ?? 1) > 0 && IsUtf8(a))
            .Select(a => (Quality: a.Quality ?? 1, Type: Offered(a)))
            .Where(a => a.Type is not null)
            .OrderByDescending(a => a.Quality)
            .ThenBy(a => a.Type == GraphQLResponse ? 0 : 1)
            .Select(a => a.Type)
            .FirstOrDefault();
    }

    /// <summary>Whether the client asks for HTML by name (a browser), not merely through */*.</summary>
    public static bool WantsHtml(IList<MediaTypeHeaderValue> accept) =>
        accept.Any(a => (a.Quality ?? 1) > 0 && a.MediaType.Equals(Html, StringComparison.OrdinalIgnoreCase));

    private static string? Offered(MediaTypeHeaderValue range)
    {
        var type = range.MediaType.Value ?? "";
        if (type.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase))
        {
            return GraphQLResponse;
        }
        return type.Equals(Json, StringComparison.OrdinalIgnoreCase) || type is "*/*" || type.Equals("application/*", StringComparison.OrdinalIgnoreCase)
            ? Json
            : null;
    }

    private static bool IsUtf8(MediaTypeHeaderValue range) =>
        range.Charset.Length == 0 || range.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
}
