using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Spells out <c>*</c> in Accept-Encoding as the codings this server has, before response compression reads it.
/// RFC 9110 §12.5.3: <c>*</c> stands for the codings not listed, and <c>q=0</c> means "not acceptable"; ASP.NET
/// Core's compression took <c>br;q=0, *</c> to allow br all the same, and sent the client bytes it had refused.
/// </summary>
public static class AcceptEncodingWildcard
{
    private static readonly string[] Codings = ["br", "gzip"];

    public static IApplicationBuilder UseAcceptEncodingWildcardSpelledOut(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Request.Headers;
        var value = headers.AcceptEncoding;
        if (value.Count > 0 && value.ToString().Contains('*', StringComparison.Ordinal)
            && StringWithQualityHeaderValue.TryParseList(value, out var listed) && listed.Any(c => c.Value == "*"))
        {
            headers.AcceptEncoding = SpellOut(listed);
        }
        return next(context);
    });

    private static StringValues SpellOut(IList<StringWithQualityHeaderValue> listed)
    {
        var star = listed.First(c => c.Value == "*");
        var named = listed.Where(c => c.Value != "*").ToList();
        var unnamed = Codings.Where(coding => !named.Any(c => string.Equals(c.Value.Value, coding, StringComparison.OrdinalIgnoreCase)))
            .Select(coding => new StringWithQualityHeaderValue(coding, star.Quality ?? 1));
        return new StringValues([.. named.Concat(unnamed).Select(c => c.ToString())]);
    }
}
