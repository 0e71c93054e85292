using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Methods are case-sensitive (RFC 9110 §9.1): "head" is not HEAD. ASP.NET Core's middleware (static files, the
/// validators here) compares them ignoring case while Kestrel does not, so "head" had its body withheld where Kestrel
/// expected one: a 500. A standard method spelled in another case is answered 501, naming the spelling to send.
/// </summary>
internal static class MethodSpelling
{
    private static readonly string[] Standard =
        [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch, HttpMethods.Options, HttpMethods.Trace, HttpMethods.Connect];

    public static IApplicationBuilder UseMethodSpellingCheck(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var method = context.Request.Method;
        if (Misspelt(method) is not { } meant)
        {
            return next(context);
        }
        // As every error here (Http/ErrorCaching.cs, which this answer comes before): a cache may not keep it.
        context.Response.Headers.CacheControl = "no-cache";
        return context.WriteProblemAsync(new ProblemDetails
        {
            Status = StatusCodes.Status501NotImplemented,
            Detail = $"\"{method}\" is not a method here: methods are case-sensitive (RFC 9110 §9.1). Send {meant}.",
        });
    });

    /// <summary>The standard method this one is another spelling of, or null. Runs for every request: no allocation.</summary>
    private static string? Misspelt(string method)
    {
        // Kestrel hands the standard methods over as these very strings, so the common case is a reference compare.
        if (Array.IndexOf(Standard, method) >= 0)
        {
            return null;
        }
        foreach (var standard in Standard)
        {
            if (string.Equals(standard, method, StringComparison.OrdinalIgnoreCase))
            {
                return standard;
            }
        }
        return null;
    }
}
