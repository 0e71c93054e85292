using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// A CORS preflight names the headers its request will send (Access-Control-Request-Headers), and the CORS middleware
/// copies them into its answer's Access-Control-Allow-Headers. A name that is no HTTP field name (RFC 9110 §5.1: a
/// token, ASCII only), such as <c>x-é</c>, made Kestrel refuse to send that answer: a 500. It is a 400 here.
/// </summary>
internal static class PreflightHeaderNames
{
    public static IApplicationBuilder UsePreflightHeaderNamesCheck(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsOptions(request.Method)
            || !request.Headers.TryGetValue(HeaderNames.AccessControlRequestHeaders, out var asked)
            || asked.All(value => value is null || value.All(IsTokenCharOrListSeparator)))
        {
            return next(context);
        }
        // As every error here (Http/ErrorCaching.cs, which this answer comes before): a cache may not keep it.
        context.Response.Headers.CacheControl = "no-cache";
        return context.WriteProblemAsync(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = "Access-Control-Request-Headers names a header that is no HTTP field name (RFC 9110 §5.1: letters, digits and !#$%&'*+-.^_`|~ only).",
        });
    });

    private static bool IsTokenCharOrListSeparator(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is ',' or ' ' or '\t' or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.'
            or '^' or '_' or '`' or '|' or '~';
}
