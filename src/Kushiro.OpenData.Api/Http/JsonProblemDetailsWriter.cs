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
    private static readonly Dictionary<int, string> Types = new[]
        {
            (400, "rfc9110#section-15.5.1"), (401, "rfc9110#section-15.5.2"), (403, "rfc9110#section-15.5.4"),
            (404, "rfc9110#section-15.5.5"), (405, "rfc9110#section-15.5.6"), (406, "rfc9110#section-15.5.7"),
            (408, "rfc9110#section-15.5.9"),
            (409, "rfc9110#section-15.5.10"), (412, "rfc9110#section-15.5.13"), (413, "rfc9110#section-15.5.14"),
            (415, "rfc9110#section-15.5.16"), (422, "rfc9110#section-15.5.21"), (429, "rfc6585#section-4"),
            (500, "rfc9110#section-15.6.1"), (501, "rfc9110#section-15.6.2"), (503, "rfc9110#section-15.6.4"),
        }
        .ToDictionary(t => t.Item1, t => $"https://tools.ietf.org/html/{t.Item2}");

    // The types above are RFC 9110's sections, so the titles are its names, where ASP.NET Core keeps older ones.
    private static readonly Dictionary<int, string> Rfc9110Names = new()
    {
        [StatusCodes.Status413PayloadTooLarge] = "Content Too Large",
        [StatusCodes.Status422UnprocessableEntity] = "Unprocessable Content",
    };

    /// <summary>The detail a validation problem is made with: the writer words it from the errors (below).</summary>
    public const string ValidationDetail = "Invalid.";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ??= http.Response.StatusCode;
        // One title per problem type (RFC 9457 §3.1.3), and each type is its status's section: the title is the status's
        // name, whoever made the problem. MVC's validation titles its 400s "One or more validation errors occurred.",
        // its factory a 500 "An error occurred while processing your request."; the detail says what was wrong.
        problem.Title = Rfc9110Names.GetValueOrDefault(status) ?? ReasonPhrases.GetReasonPhrase(status);
        problem.Type ??= Types.GetValueOrDefault(status);
        problem.Instance ??= http.Request.PathBase + http.Request.Path;
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        SayWhatWasWrong(problem);
        ShowHiddenCharacters(problem);
        return new ValueTask(http.Response.WriteAsJsonAsync(
            problem, problem.GetType(), jsonOptions.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }

    // A validation problem's detail is made from its errors as they are finally keyed (renamed to the client's spelling,
    // tidied), here where every problem is written: the fields, then the first message and how many more there are.
    // "Invalid: goal." alone had never said why to a client that shows only detail (Kiota's exception message, which the
    // contract points at detail; an app's toast).
    private static void SayWhatWasWrong(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        if (problem is HttpValidationProblemDetails validation && problem.Detail == ValidationDetail
            && validation.Errors.Values.SelectMany(m => m).ToList() is [var first, .. var rest])
        {
            // A parameter without a name (?=1) shows as "", not as nothing.
            var fields = string.Join(", ", validation.Errors.Keys.Select(k => k.Length == 0 ? "\"\"" : k));
            problem.Detail = $"Invalid: {fields}. {first}{(rest.Count == 0 ? "" : $" ({rest.Count} more in errors.)")}";
        }
    }

    // Messages quote the client's own text (an unknown parameter's name, an ID, a filter's value); a bidi override or a
    // control character in it is shown as an escape. The errors' keys stay the names as sent, which clients look up.
    private static void ShowHiddenCharacters(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        if (problem.Detail is { } detail)
        {
            problem.Detail = EchoedText.Visible(detail);
        }
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var key in validation.Errors.Keys.ToList())
            {
                validation.Errors[key] = [.. validation.Errors[key].Select(EchoedText.Visible)];
            }
        }
    }
}
