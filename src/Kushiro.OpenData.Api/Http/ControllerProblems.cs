using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Http;

/// <summary>The problem details (RFC 9457) that handlers return, worded the same way everywhere.</summary>
public static class ControllerProblems
{
    public static ProblemResult NotFoundProblem(this ControllerBase controller, string what, string id) =>
        new(controller.ProblemDetailsFactory.CreateProblemDetails(controller.HttpContext,
            statusCode: StatusCodes.Status404NotFound,
            title: $"{what} not found",
            detail: $"There is no {what.ToLowerInvariant()} with ID \"{id}\"."));

    /// <summary>A 400 naming the parameter and what is wrong with it.</summary>
    public static ActionResult InvalidParameterProblem(this ControllerBase controller, string parameter, string message)
    {
        controller.ModelState.AddModelError(parameter, message);
        return new ProblemResult(controller.ProblemDetailsFactory.CreateValidationProblemDetails(controller.HttpContext,
            controller.ModelState, StatusCodes.Status400BadRequest, detail: $"Invalid query parameter: {parameter}."));
    }

    /// <summary>A filter naming something that does not exist is a client error (400), not an empty list.</summary>
    public static ActionResult UnknownFilterProblem(this ControllerBase controller, string parameter, string value, string what)
    {
        controller.ModelState.AddModelError(parameter, $"There is no {what} with ID \"{value}\".");
        return new ProblemResult(controller.ProblemDetailsFactory.CreateValidationProblemDetails(controller.HttpContext,
            controller.ModelState, StatusCodes.Status400BadRequest, detail: $"Invalid query parameter: {parameter}."));
    }
}
