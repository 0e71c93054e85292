using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// What a request body must be declared as, for the KPI writes and GraphQL's POST alike: <c>application/json</c>
/// exactly (not another <c>+json</c> type, which means something else), with no charset or UTF-8.
/// </summary>
public static class JsonRequestBody
{
    public static bool IsDeclared(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && IsUtf8(type);

    /// <summary>A charset parameter, quoted or not, must be UTF-8: the only encoding served and read.</summary>
    public static bool IsUtf8(MediaTypeHeaderValue type)
    {
        var charset = HeaderUtilities.RemoveQuotes(type.Charset);
        return charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }
}
