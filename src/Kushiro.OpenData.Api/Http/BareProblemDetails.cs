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
        var allow = context.HttpContext.Response.Headers.Allow.ToString();
        problem.Detail = problem.Status switch
        {
            // No endpoint at all (a figure role misspelt in a write, /id/ alone): as the API's GET fallback says it.
            StatusCodes.Status404NotFound => NotFoundDetail(request.Path),
            StatusCodes.Status405MethodNotAllowed => allow.Length > 0
                ? $"{request.Method} is not allowed here; allowed: {allow}."
                : $"{request.Method} is not allowed here.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json (UTF-8), with that Content-Type; " +
                (request.ContentType is { } given ? $"it was \"{Shortened(given)}\"." : "there was none."),
            _ => null,
        };
    }

    public static string NotFoundDetail(PathString path) =>
        $"There is no resource at {path}. Start from {Strategy.ApiLinks.Plan} or /openapi/v1.json.";

    // A header may be kilobytes long; the problem only needs to show which one it was.
    private static string Shortened(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
