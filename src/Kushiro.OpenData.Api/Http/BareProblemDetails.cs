namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Says what to do instead in the problems the framework writes without a detail: a 404 where to start from, a 405
/// names the methods the resource allows (routing's Allow header), a 415 the media type to send and the one that came.
/// Every problem also names its request: MVC's own (a 415 from a filter) came without an instance.
/// </summary>
internal static class BareProblemDetails
{
    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var request = context.HttpContext.Request;
        problem.Instance ??= request.PathBase + request.Path;
        if (problem.Detail is not null)
        {
            return;
        }
        var allow = StatusCodes.Status405MethodNotAllowed == problem.Status ? AllowWithHead(context.HttpContext) : "";
        problem.Detail = problem.Status switch
        {
            // No endpoint at all, whatever the method (a path in no version, a figure role misspelt, /id/ alone).
            StatusCodes.Status404NotFound => NotFoundDetail(request.Path),
            StatusCodes.Status405MethodNotAllowed => allow.Length > 0
                ? $"{request.Method} is not allowed here; allowed: {allow}."
                : $"{request.Method} is not allowed here.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json (UTF-8), with that Content-Type; " +
                (request.ContentType is { } given ? $"it was \"{Shortened(given)}\"." : "there was none."),
            _ => null,
        };
    }

    // Routing names the endpoints' own methods; where a path takes GET it takes HEAD too, routed as GET
    // (ConditionalGetMiddleware), so Allow names it, as it does on the paths that map HEAD themselves.
    private static string AllowWithHead(HttpContext http)
    {
        var allowed = http.Response.Headers.Allow.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (allowed.Contains(HttpMethods.Get) && !allowed.Contains(HttpMethods.Head) && ConditionalGetMiddleware.Covers(http.Request.Path))
        {
            http.Response.Headers.Allow = string.Join(", ", allowed.Append(HttpMethods.Head).Order(StringComparer.Ordinal));
        }
        return http.Response.Headers.Allow.ToString();
    }

    private static string NotFoundDetail(PathString path) =>
        $"There is no resource at {path}. Start from {ApiLinks.Plan} or /openapi/v1.json.";

    // A header may be kilobytes long; the problem only needs to show which one it was.
    private static string Shortened(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
