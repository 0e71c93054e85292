using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// What a request body must be declared as, for the KPI writes and GraphQL's POST alike: <c>application/json</c>
/// exactly (not another <c>+json</c> type, which means something else), with no charset or UTF-8.
/// </summary>
public static partial class JsonRequestBody
{
    /// <summary>
    /// The depth limit a JSON reader's message says was exceeded, or null for another message: valid JSON nested too
    /// deep, which is not "not valid JSON" and is said so in the API's words.
    /// </summary>
    public static int? DepthExceeded(string readerMessage) =>
        ReaderDepth().Match(readerMessage) is { Success: true } depth ? int.Parse(depth.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture) : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^The maximum configured depth of ([0-9]+) has been exceeded")]
    private static partial System.Text.RegularExpressions.Regex ReaderDepth();

    public static bool IsDeclared(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && IsUtf8(type);

    /// <summary>
    /// The content coding a body was sent in (gzip, br…), or null when it is sent as is ("identity" or none). None is
    /// decoded here: read as it came, a gzipped body would be refused as broken JSON, and one merely labelled gzip
    /// taken as plain. RFC 9110 §12.5.3: such a request gets a 415 with Accept-Encoding saying what is taken.
    /// </summary>
    public static string? ContentCoding(HttpRequest request)
    {
        var codings = request.Headers.ContentEncoding.ToString();
        return codings.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(c => !c.Equals("identity", StringComparison.OrdinalIgnoreCase)) ? codings : null;
    }

    /// <summary>What a 415 for a content coding says (a header may be kilobytes long: it shows the start).</summary>
    public static string UncodedOnly(string coding) =>
        $"Send the body as it is, without a content coding; it came as \"{(coding.Length <= 100 ? coding : coding[..100] + "…")}\".";

    /// <summary>The Accept-Encoding that 415 carries: the only coding a body is read in.</summary>
    public const string AcceptedCodings = "identity";

    /// <summary>A charset parameter, quoted or not, must be UTF-8 (or its common alias utf8): the only encoding served and read.</summary>
    public static bool IsUtf8(MediaTypeHeaderValue type) => IsUtf8(type.Charset);

    /// <inheritdoc cref="IsUtf8(MediaTypeHeaderValue)"/>
    public static bool IsUtf8(Microsoft.Extensions.Primitives.StringSegment charset)
    {
        var name = HeaderUtilities.RemoveQuotes(charset);
        return name.Length == 0 || name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
