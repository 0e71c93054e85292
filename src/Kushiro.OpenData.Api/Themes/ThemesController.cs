using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Themes;

/// <summary>Code lists (SKOS concept schemes) the strategy's goals are aligned to.</summary>
[Route("api/v{version:apiVersion}/themes")]
[Tags("Themes")]
public sealed class ThemesController(ThemeCatalog catalog) : ApiV1Controller
{
    /// <summary>List the code lists.</summary>
    /// <remarks>The national 第2期 strategy's goals (<c>national</c>) and the デジタル田園都市国家構想 themes (<c>digiden</c>), each a SKOS concept scheme (ask for <c>application/ld+json</c>).</remarks>
    /// <response code="200">The code lists.</response>
    [HttpGet(Name = "listThemeSchemes")]
    [ProducesResponseType<IReadOnlyList<ThemeSchemeSummary>>(StatusCodes.Status200OK, "application/json")]
    public ActionResult<IReadOnlyList<ThemeSchemeSummary>> ListSchemes() => catalog.Schemes.Select(ThemeSchemeSummary.From).ToList();

    /// <summary>Get one code list with its concepts.</summary>
    /// <remarks>Labels as published, English labels by this project, and where the list comes from.</remarks>
    /// <param name="scheme" example="national">ID of the code list.</param>
    /// <response code="200">The code list.</response>
    /// <response code="404">No code list has this ID; the problem names it.</response>
    [HttpGet("{scheme}", Name = "getThemeScheme")]
    [ProducesResponseType<ThemeSchemeDetail>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public ActionResult<ThemeSchemeDetail> GetScheme(string scheme) =>
        catalog.Scheme(scheme) is { } found ? new ThemeSchemeDetail(found) : this.NotFoundProblem("Code list", scheme);

    /// <summary>Get one concept with the basic goals aligned to it.</summary>
    /// <remarks>Each alignment says who made it (<c>editorial</c>: this project) and why.</remarks>
    /// <param name="scheme" example="national">ID of the code list.</param>
    /// <param name="code" example="goal-4">Code of the concept.</param>
    /// <response code="200">The concept.</response>
    /// <response code="404">No such code list or concept; the problem names it.</response>
    [HttpGet("{scheme}/{code}", Name = "getThemeConcept")]
    [ProducesResponseType<ThemeConceptDetail>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public ActionResult<ThemeConceptDetail> GetConcept(string scheme, string code)
    {
        var found = catalog.Scheme(scheme);
        var concept = found?.Concepts.FirstOrDefault(c => c.Code == code);
        return found is null ? this.NotFoundProblem("Code list", scheme)
            : concept is null ? this.NotFoundProblem("Concept", $"{scheme}:{code}")
            : new ThemeConceptDetail(found, concept, catalog.Alignments.Where(a => a.Scheme == scheme && a.Code == code));
    }
}
