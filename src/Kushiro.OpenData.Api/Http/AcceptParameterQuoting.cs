using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Quotes a media range's parameter value that holds characters a token cannot, before anything reads Accept. A
/// JSON-LD editor extension asks for contexts with <c>application/ld+json;profile=http://www.w3.org/ns/json-ld#context</c>,
/// unquoted; ASP.NET Core's parser then read no JSON-LD in it, and every resource, the context too, answered 406.
/// RFC 9110 wants such a value quoted, and read as if it were, the range asks for what the client meant.
/// </summary>
public static partial class AcceptParameterQuoting
{
    public static IApplicationBuilder UseAcceptParametersQuoted(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Request.Headers;
        var accept = headers.Accept.ToString();
        // On every request, a cache hit's too: most Accept headers have no parameter (";") and are left at that. Not
        // where anything is quoted already: a ";name=" inside a quoted value is no parameter.
        if (accept.Contains(';', StringComparison.Ordinal) && !accept.Contains('"', StringComparison.Ordinal))
        {
            var quoted = UnquotedValue().Replace(accept, m => $"{m.Groups["name"].Value}=\"{m.Groups["value"].Value}\"");
            if (!ReferenceEquals(quoted, accept))
            {
                headers.Accept = new StringValues(quoted);
            }
        }
        return next(context);
    });

    // ;name=value where the value, up to the next ";", "," or space, holds a character no token may (":" and "/" of
    // a URL); backslashes are left alone, since quoting would make them escapes.
    [GeneratedRegex(@"(?<=;[ \t]*)(?<name>[!#$%&'*+.^_`|~0-9A-Za-z-]+)=(?<value>[^\s"";,\\]*[^\s"";,\\!#$%&'*+.^_`|~0-9A-Za-z-][^\s"";,\\]*)(?=[ \t]*(?:[;,]|$))")]
    private static partial Regex UnquotedValue();
}
