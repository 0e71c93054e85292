using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>A figure's role as its URL spells it (<c>/kpis/{id}/targets/2040</c>), for its read, its writes and its JSON-LD.</summary>
public static class KpiFigureRoute
{
    /// <summary>
    /// The stored role for a route's role, or null. Exactly as written: routing's regex constraint ignores case and
    /// lets a trailing line break through, and "Targets" must not become an observation (on a seed KPI it would
    /// publish a figure the seed's 409 protects).
    /// </summary>
    public static string? Role(string routeRole) => routeRole switch
    {
        "baseline" => KpiFigureRole.Baseline,
        "targets" => KpiFigureRole.Target,
        "observations" => KpiFigureRole.Observation,
        _ => null,
    };

    /// <summary>
    /// A role the route's constraint let through in another case (route constraints ignore case) is no role: the 404
    /// a figure's read and writes give alike.
    /// </summary>
    public static ProblemResult UnknownRole(ControllerBase controller, string role) =>
        new(controller.ProblemDetailsFactory.CreateProblemDetails(controller.HttpContext, StatusCodes.Status404NotFound,
            detail: $"A KPI has no \"{role}\": its figures are baseline, targets and observations, written in lower case."));
}
