using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// A problem written through <see cref="IProblemDetailsService"/> rather than MVC content negotiation, so it
/// comes out as application/problem+json even when the client's Accept header allows no JSON (a 406).
/// Validation errors are keyed as the client wrote the field (<see cref="ValidationErrorNames"/>); errors already
/// keyed by the client's own spelling (a query parameter's name) are passed with <paramref name="keyedAsWritten"/>.
/// </summary>
public sealed class ProblemResult(ProblemDetails problem, bool keyedAsWritten = false) : ActionResult
{
    public ProblemDetails Problem { get; } = problem;

    public override async Task ExecuteResultAsync(ActionContext context)
    {
        if (Problem is ValidationProblemDetails validation && !keyedAsWritten)
        {
            ValidationErrorNames.Tidy(validation);
            ValidationErrorNames.KeyAsTheQuerySpellsThem(validation, context.HttpContext.Request.QueryString);
        }
        await context.HttpContext.WriteProblemAsync(Problem);
    }
}
