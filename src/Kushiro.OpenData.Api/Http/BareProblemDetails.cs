namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Says what to do instead in the problems the framework writes without a detail: a 405 names the methods the
/// resource allows (routing's Allow header), a 415 the media type to send and the one that came.
/// </summary>
internal static class BareProblemDetails
{
    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null)
        {
            return;
        }
        var request = context.HttpContext.Request;
        var allow = context.HttpContext.Response.Headers.Allow.ToString();
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status405MethodNotAllowed => allow.Length > 0
                ? $"{request.Method} is not allowed here; allowed: {allow}."
                : $"{request.Method} is not allowed here.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json (UTF-8), with that Content-Type; " +
                (request.ContentType is { } given ? $"it was \"{Shortened(given)}\"." : "there was none."),
            _ => null,
        };
    }

    // A header may be kilobytes long; the problem only needs to show which one it was.
    private static string Shortened(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
