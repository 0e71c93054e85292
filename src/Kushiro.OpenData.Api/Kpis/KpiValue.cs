using System.Text.RegularExpressions;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// What a figure's value and source may be, the same for every store: at most 20 digits before the point and 8
/// after it (PostgreSQL keeps numeric(28,8); SQLite would keep more, and the two must serve the same data), and a
/// source URL in plain RFC 3986 characters (so that it is an IRI a JSON-LD processor accepts as it is), naming no user.
/// </summary>
public static partial class KpiValue
{
    public const string Rule = "at most 20 digits before the decimal point and 8 after it";
    private static readonly decimal Limit = 100_000_000_000_000_000_000m;

    public static bool IsStorable(decimal value)
    {
        var normalized = KpiMapping.Normalized(value);
        return Math.Abs(normalized) < Limit && normalized.Scale <= 8;
    }

    /// <summary>
    /// An absolute http(s) URL in RFC 3986 characters, without user information: a published source is for everyone,
    /// and <c>user:password@</c> in it would publish a credential (and can disguise the host a reader is sent to).
    /// </summary>
    public static bool IsWebAddress(string url)
    {
        if (!UrlCharacters().IsMatch(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            return false;
        }
        var (authority, rest) = SplitAtAuthority(url);
        return !authority.Contains('@') // "https://@host/" has an empty user, not none
            && DelimitersInPlace(rest);
    }

    // What follows "//" up to the path, query or fragment (an '@' there sets off user information), and the rest.
    private static (string Authority, string AfterIt) SplitAtAuthority(string url)
    {
        var start = url.IndexOf("//", StringComparison.Ordinal) + 2;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        return end < 0 ? (url[start..], "") : (url[start..end], url[end..]);
    }

    // Path, query and fragment take '[' and ']' nowhere (only an IPv6 host does), and '#' once, where the fragment
    // starts. Uri takes https://example.org/[x] and …#a#b as they are, and a JSON-LD parser that checks IRIs
    // (jsonld-streaming-parser) drops such a source's url while jsonld.js keeps it: processors read other triples.
    private static bool DelimitersInPlace(string rest) =>
        rest.IndexOfAny(['[', ']']) < 0 && rest.IndexOf('#', StringComparison.Ordinal) == rest.LastIndexOf('#');

    // A % only as the start of a percent-encoded octet: "%zz" or a bare "100%" is no RFC 3986 URL, and a JSON-LD
    // processor or a browser would read it differently from what was meant.
    [GeneratedRegex(@"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+$")]
    private static partial Regex UrlCharacters();
}
