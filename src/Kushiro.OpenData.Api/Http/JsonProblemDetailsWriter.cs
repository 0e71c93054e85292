using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Writes every problem as application/problem+json, whatever the Accept header says (the default writer
/// declines when Accept names no JSON type, which would leave a 406 without a body), and fills in what a
/// bare status-code problem lacks: type, title, instance and trace ID.
/// </summary>
public sealed class JsonProblemDetailsWriter(IOptions<JsonOptions> jsonOptions, IOptions<ProblemDetailsOptions> problemOptions) : IProblemDetailsWriter
{
    private static readonly Dictionary<int, string> Sections = new()
    {
        [400] = "15.5.1", [401] = "15.5.2", [403] = "15.5.4", [404] = "15.5.5", [405] = "15.5.6", [406] = "15.5.7",
        [409] = "15.5.10", [412] = "15.5.13", [413] = "15.5.14", [415] = "15.5.16", [422] = "15.5.21", [429] = "6.1",
        [500] = "15.6.1", [503] = "15.6.4",
    };

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Type ??= Sections.TryGetValue(status, out var section)
            ? status == 429 ? "https://tools.ietf.org/html/rfc6585#section-4" : $"https://tools.ietf.org/html/rfc9110#section-{section}"
            : null;
        problem.Instance ??= http.Request.PathBase + http.Request.Path;
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(
            problem, problem.GetType(), jsonOptions.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }
}
