using Microsoft.Extensions.Primitives;

namespace Kushiro.OpenData.Api.Http;

/// <summary>How reads (ReadPreconditions) and writes (Kpis/WritePreconditions) read If-Match and If-None-Match.</summary>
internal static class PreconditionHeaders
{
    /// <summary>
    /// "*" alone, read as sent, not as parsed: a malformed value parses to nothing, and a client that asked for a guard
    /// must not have it dropped. In a list with tags ("a", *) it is no valid field value, and then it does not mean "any".
    /// </summary>
    public static bool IsStar(StringValues values) => values is [{ } only] && only.Trim() == "*";

    /// <summary>Why If-Match with anything but "*" fails, on a read and on a write alike.</summary>
    public const string IfMatchNeverMatches = "If-Match names entity tags (or is not a valid one), and it compares them "
        + "strongly, while this API's ETags are weak (the same entity may be sent compressed), so none can match.";

    // The HTTP-date forms (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must
    // still read. ASP.NET Core's parser also takes any offset ("+0900") and more, which §13.1.4 says to ignore.
    private static readonly string[] HttpDateForms = ["ddd, dd MMM yyyy HH:mm:ss 'GMT'", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy"];

    /// <summary>If-Unmodified-Since when it is one valid HTTP-date; otherwise none, as the RFC asks (§13.1.4).</summary>
    public static DateTimeOffset? IfUnmodifiedSince(IHeaderDictionary headers) =>
        headers.IfUnmodifiedSince is [{ } only] && DateTimeOffset.TryParseExact(only.Trim(), HttpDateForms,
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AllowInnerWhite, out var date)
            && IsWrittenAsHttpDate(only.Trim(), date)
            ? date
            : null;

    // The parser reads names in any case and any run of spaces, but the grammar is case-sensitive with single spaces
    // ("sun, 06 nov 1994" is no HTTP-date): the value must be one of the forms written back, asctime's day padded with
    // a space to two characters.
    private static bool IsWrittenAsHttpDate(string value, DateTimeOffset date)
    {
        var utc = date.UtcDateTime;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return value == utc.ToString(HttpDateForms[0], invariant)
            || value == utc.ToString(HttpDateForms[1], invariant)
            || value == utc.ToString("ddd MMM ", invariant) + utc.Day.ToString(invariant).PadLeft(2) + utc.ToString(" HH:mm:ss yyyy", invariant);
    }
}
