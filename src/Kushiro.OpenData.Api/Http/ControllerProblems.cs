using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Http;

/// <summary>The problem details (RFC 9457) that handlers return, worded the same way everywhere.</summary>
public static class ControllerProblems
{
    /// <summary>
    /// A 404 naming what was looked for; <paramref name="known"/> lists the IDs there are, when they are few, and
    /// <paramref name="note"/> ends the sentence with what else the client should know; <paramref name="key"/> is what
    /// the path parameter is called (a CSV file's is its name).
    /// </summary>
    public static ProblemResult NotFoundProblem(this ControllerBase controller, string what, string id, string? known = null, string? note = null, string key = "ID") =>
        new(controller.ProblemDetailsFactory.CreateProblemDetails(controller.HttpContext,
            statusCode: StatusCodes.Status404NotFound,
            detail: $"There is no {Noun(what)} with {key} \"{id}\"{IdSpelling.Hint(id)}{(known is null ? "" : $" (known: {known})")}{(note is null ? "" : $": {note}")}."));

    // "Goal" becomes "goal" mid-sentence; "KPI" and "CSV file" keep their capitals.
    private static string Noun(string what) => what.Length > 1 && char.IsLower(what[1]) ? char.ToLowerInvariant(what[0]) + what[1..] : what;

    /// <summary>A 400 naming the parameter and what is wrong with it.</summary>
    public static ActionResult InvalidParameterProblem(this ControllerBase controller, string parameter, string message) =>
        ParameterProblem(controller, parameter, message);

    /// <summary>A filter naming something that does not exist is a client error (400), not an empty list.</summary>
    public static ActionResult UnknownFilterProblem(this ControllerBase controller, string parameter, string value, string what) =>
        ParameterProblem(controller, parameter, $"There is no {what} with ID \"{value}\"{IdSpelling.Hint(value)}.");

    // Keyed as the request spelled the parameter (?Goal=7 is "Goal"), as the request contract's own errors are:
    // binding matched it whatever its case, so that is the name the client used and will look for.
    private static ProblemResult ParameterProblem(ControllerBase controller, string parameter, string message)
    {
        // The first spelling sent: the query collection keeps another when a parameter comes in several (?theme=x&Theme=y).
        var spelled = QueryEncoding.SpellingsOf(controller.Request.QueryString.Value, parameter).FirstOrDefault() ?? parameter;
        // A state of its own: the action's has an entry for the bound parameter already, under the action's spelling,
        // and its keys ignore case, so an error added there would be keyed "since" whatever the client wrote.
        var state = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        state.AddModelError(spelled, message);
        return new ProblemResult(controller.ProblemDetailsFactory.CreateValidationProblemDetails(controller.HttpContext,
            state, StatusCodes.Status400BadRequest, detail: JsonProblemDetailsWriter.ValidationDetail), keyedAsWritten: true);
    }
}
