using System.Net;
using System.Text;
using System.Text.Unicode;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Which query parameters were sent with percent-escapes that are not UTF-8 (<c>%FF</c>, or a lone surrogate's
/// <c>%ED%A0%80</c>). ASP.NET Core keeps such escapes as typed, so <c>?q=%FF</c> would search for the text "%FF"
/// and echo it back in links as <c>q=%25FF</c>; the contract filter refuses them instead.
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
        foreach (var pair in rawQuery.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=');
            var (name, value) = equals < 0 ? (pair, "") : (pair[..equals], pair[(equals + 1)..]);
            if (!DecodesToUtf8(name) || !DecodesToUtf8(value))
            {
                names.Add(Uri.UnescapeDataString(name.Replace('+', ' ')));
            }
        }
        return names;
    }

    // The framework's URL decoder, to bytes, so that escapes which are not UTF-8 stay visible.
    private static bool DecodesToUtf8(string escaped)
    {
        if (!escaped.Contains('%'))
        {
            return true;
        }
        var bytes = Encoding.UTF8.GetBytes(escaped);
        return Utf8.IsValid(WebUtility.UrlDecodeToBytes(bytes, 0, bytes.Length));
    }
}
