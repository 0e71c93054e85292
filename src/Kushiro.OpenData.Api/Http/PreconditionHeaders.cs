using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// How reads (ReadPreconditions) and writes (Kpis/WritePreconditions) read If-Match, If-None-Match and
/// If-Unmodified-Since, and which If-Modified-Since counts (IgnoredIfModifiedSince).
/// </summary>
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
    private const string ImfFixdate = "ddd, dd MMM yyyy HH:mm:ss 'GMT'";
    private const string Rfc850Date = "dddd, dd-MMM-yy HH:mm:ss 'GMT'";
    private static readonly string[] HttpDateForms = [ImfFixdate, Rfc850Date, "ddd MMM d HH:mm:ss yyyy"];

    /// <summary>If-Unmodified-Since when it is one valid HTTP-date; otherwise none, as the RFC asks (§13.1.4).</summary>
    public static DateTimeOffset? IfUnmodifiedSince(IHeaderDictionary headers) => HttpDate(headers.IfUnmodifiedSince);

    /// <summary>A date header's value when it is one valid HTTP-date; otherwise none.</summary>
    public static DateTimeOffset? HttpDate(StringValues values)
    {
        if (values is not [{ } sent])
        {
            return null;
        }
        var value = sent.Trim();
        var culture = HttpDateCulture(DateTime.UtcNow.Year);
        return DateTimeOffset.TryParseExact(value, HttpDateForms, culture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out var date)
            && IsWrittenAsHttpDate(value, date.UtcDateTime, culture)
            ? date
            : null;
    }

    // RFC 850's two-digit year is the latest year with those digits that is at most 50 years ahead (§5.6.7): in 2026,
    // "60" is 2060 and "77" 1977. The invariant calendar's own window ends at 2049 whatever the year.
    private static CultureInfo HttpDateCulture(int thisYear)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.Calendar.TwoDigitYearMax = thisYear + 50;
        return culture;
    }

    // The parser reads names in any case and any run of spaces, but the grammar is case-sensitive with single spaces
    // ("sun, 06 nov 1994" is no HTTP-date): the value must be one of the forms written back. asctime's day is two
    // characters, a digit padded with a space or with a zero ("Nov  6" and "Nov 06").
    private static bool IsWrittenAsHttpDate(string value, DateTime utc, CultureInfo culture) =>
        value == utc.ToString(ImfFixdate, culture)
        || value == utc.ToString(Rfc850Date, culture)
        || value == utc.ToString("ddd MMM ", culture) + utc.Day.ToString(culture).PadLeft(2) + utc.ToString(" HH:mm:ss yyyy", culture)
        || value == utc.ToString("ddd MMM dd HH:mm:ss yyyy", culture);
}
