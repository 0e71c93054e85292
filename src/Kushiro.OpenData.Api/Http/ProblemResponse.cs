using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// A problem written by middleware or a handler outside MVC: its status on the response, its body through
/// <see cref="IProblemDetailsService"/> (Http/JsonProblemDetailsWriter.cs fills in title, type and instance).
/// </summary>
internal static class ProblemResponse
{
    public static Task WriteProblemAsync(this HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }
}
