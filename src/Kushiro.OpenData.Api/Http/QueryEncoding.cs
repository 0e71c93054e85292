using System.Net;
using System.Text;
using System.Text.Unicode;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// What the query string said before ASP.NET Core read it. Which query parameters were sent with percent-escapes
/// that are not UTF-8 (<c>%FF</c>, or a lone surrogate's <c>%ED%A0%80</c>): ASP.NET Core keeps such escapes as
/// typed, so <c>?q=%FF</c> would search for the text "%FF" and echo it back in links as <c>q=%25FF</c>; the contract
/// filter refuses them instead. And under which spellings a parameter was sent.
/// </summary>
internal static class QueryEncoding
{
    /// <param name="rawQuery">The query string as sent (<c>Request.QueryString.Value</c>).</param>
    /// <returns>Their names as ASP.NET Core reads them, which is how the filter meets them.</returns>
    public static HashSet<string> NamesNotInUtf8(string? rawQuery)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (rawQuery is null || !rawQuery.Contains('%'))
        {
            return names;
        }
        // The framework's own reading of the pairs, as SpellingsOf below: the names come out as Request.Query has them.
        foreach (var pair in new Microsoft.AspNetCore.WebUtilities.QueryStringEnumerable(rawQuery))
        {
            if (!DecodesToUtf8(pair.EncodedName.Span) || !DecodesToUtf8(pair.EncodedValue.Span))
            {
                names.Add(pair.DecodeName().ToString());
            }
        }
        return names;
    }

    /// <summary>
    /// Each spelling a parameter was sent under, in the order sent (<c>?limit=1&amp;Limit=2</c>: limit, Limit). ASP.NET
    /// Core merges them under one of them; a client told about "Limit" had written "limit" first.
    /// </summary>
    public static IReadOnlyList<string> SpellingsOf(string? rawQuery, string name)
    {
        var spellings = new List<string>();
        foreach (var pair in new Microsoft.AspNetCore.WebUtilities.QueryStringEnumerable(rawQuery))
        {
            var spelled = pair.DecodeName().ToString();
            if (string.Equals(spelled, name, StringComparison.OrdinalIgnoreCase) && !spellings.Contains(spelled))
            {
                spellings.Add(spelled);
            }
        }
        return spellings;
    }

    // The framework's URL decoder, to bytes, so that escapes which are not UTF-8 stay visible.
    private static bool DecodesToUtf8(ReadOnlySpan<char> escaped)
    {
        if (!escaped.Contains('%'))
        {
            return true;
        }
        var bytes = new byte[Encoding.UTF8.GetByteCount(escaped)];
        Encoding.UTF8.GetBytes(escaped, bytes);
        return Utf8.IsValid(WebUtility.UrlDecodeToBytes(bytes, 0, bytes.Length));
    }
}
