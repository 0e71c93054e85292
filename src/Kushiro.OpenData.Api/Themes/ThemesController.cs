using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Paging;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Themes;

/// <summary>Code lists (SKOS concept schemes) the strategy's goals are aligned to.</summary>
[Route("api/v{version:apiVersion}/themes")]
[Tags("Themes")]
public sealed class ThemesController(ThemeCatalog catalog, Strategy.ReadModel.StrategyReadModel readModel, ThemedPages themed) : ApiV1Controller
{
    /// <summary>List the code lists.</summary>
    /// <remarks>The national 第2期 strategy's goals (<c>national</c>), the デジタル田園都市国家構想 themes (<c>digiden</c>), the SDGs' 17 goals (<c>sdgs</c>) and this project's policy fields (<c>fields</c>), each a SKOS concept scheme (ask for <c>application/ld+json</c>).</remarks>
    /// <param name="page">Paging.</param>
    /// <response code="200">A page of code lists.</response>
    [HttpGet(Name = "listThemeSchemes")]
    [ProducesResponseType<Page<ThemeSchemeSummary>>(StatusCodes.Status200OK, "application/json", Csv.CsvFormat.MediaType)]
    public ActionResult<Page<ThemeSchemeSummary>> ListSchemes([FromQuery] PageQuery page) =>
        Page<ThemeSchemeSummary>.Create([.. catalog.Schemes.Skip(page.Offset).Take(page.Limit).Select(ThemeSchemeSummary.From)], catalog.Schemes.Count, page, Request);

    /// <summary>List the sub-measures (施策・細節) under one concept.</summary>
    /// <remarks>The same as <c>/api/v1/sub-measures?theme={scheme}:{code}</c>: every sub-measure mapped to the concept, in stable ID order, paged.</remarks>
    /// <param name="scheme" example="sdgs">ID of the code list.</param>
    /// <param name="code" example="14">Code of the concept.</param>
    /// <param name="page">Paging.</param>
    /// <param name="relisted" example="false">Re-listings (再掲) or not, as on /api/v1/sub-measures: <c>false</c> leaves them out, so that each policy is counted once in <c>total</c>; <c>true</c> returns only them. Absent: both.</param>
    /// <param name="facets" example="fields,national">Comma-separated theme schemes to count these sub-measures by, as on /api/v1/sub-measures; the counts come in <c>facets</c> (what the plan does for SDG 8, by policy field).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">A page of sub-measures.</response>
    /// <response code="404">No such code list or concept; the problem names it.</response>
    [HttpGet("{scheme}/{code}/sub-measures", Name = "listThemeSubMeasures")]
    [ProducesResponseType<Page<Strategy.SubMeasureResource>>(StatusCodes.Status200OK, "application/json", Csv.CsvFormat.MediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<Page<Strategy.SubMeasureResource>>> ListSubMeasures(
        string scheme, string code, [FromQuery] PageQuery page, [FromQuery] bool? relisted,
        // Last: it came within v1, and generated clients take parameters in this order.
        [FromQuery] string? facets, CancellationToken cancellationToken)
    {
        if (catalog.Concept(scheme, code) is null)
        {
            return catalog.Scheme(scheme) is null ? this.NotFoundProblem("Code list", scheme) : this.NotFoundProblem("Concept", $"{scheme}:{code}");
        }
        var graph = await readModel.GetAsync(cancellationToken);
        var subMeasures = Strategy.SubMeasuresController.WhereRelisted(graph.SubMeasures, relisted);
        return themed.PageOf(this, graph, [.. subMeasures.Select(Strategy.SubMeasureResource.From)], "sub-measure", s => s.Id, [$"{scheme}:{code}"], facets, page);
    }

    /// <summary>Get one code list with its concepts.</summary>
    /// <remarks>Its concepts' labels as its publisher gives them, their English labels (this project's translation, or the publisher's own: <c>labelEnProvenance</c> says which), and where the list comes from (<c>source</c>, and in <c>note</c> what could not be checked against the original).</remarks>
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
