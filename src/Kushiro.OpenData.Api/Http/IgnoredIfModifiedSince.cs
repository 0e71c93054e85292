using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// An If-Modified-Since that is not one valid HTTP-date is removed before anything reads it, since RFC 9110 §13.1.3
/// says to ignore it. ASP.NET Core's parser, which the output cache and the validators use, also takes other forms
/// (an offset such as "+0900", no zone at all, a one-digit day), and a 304 for a date the client did not write as
/// the protocol asks could keep a mirror on older bytes. If-Unmodified-Since is read by the same rule where it is read.
/// </summary>
internal static class IgnoredIfModifiedSince
{
    public static IApplicationBuilder UseInvalidIfModifiedSinceIgnored(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Request.Headers;
        if (headers.ContainsKey(HeaderNames.IfModifiedSince) && PreconditionHeaders.HttpDate(headers.IfModifiedSince) is null)
        {
            headers.Remove(HeaderNames.IfModifiedSince);
        }
        return next(context);
    });
}
