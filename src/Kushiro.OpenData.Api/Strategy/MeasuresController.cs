using Kushiro.OpenData.Api.Csv;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Paging;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Strategy;

/// <summary>Measures (施策・節).</summary>
[Route("api/v{version:apiVersion}/measures")]
[Tags("Measures")]
public sealed class MeasuresController(StrategyReadModel readModel, Themes.ThemedPages themed) : ApiV1Controller
{
    /// <summary>List measures (施策・節), optionally of one basic goal.</summary>
    /// <remarks>In stable ID order (goal, then measure number), paged with <c>limit</c> and <c>offset</c>. A measure is under a theme when one of its sub-measures is.</remarks>
    /// <param name="goal" example="1">Only the measures of this basic goal (基本目標), by ID. An ID that does not exist is a 400.</param>
    /// <param name="theme" example="sdgs:8">Only items under this theme concept, as <c>scheme:code</c> (see /api/v1/themes). Repeatable: concepts of one scheme combine with OR, schemes with AND. An unknown scheme or code is a 400.</param>
    /// <param name="facets" example="sdgs,fields">Comma-separated theme schemes to count items by; the counts come in <c>facets</c>.</param>
    /// <param name="page">Paging.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">A page of measures.</response>
    /// <response code="400">A query parameter is invalid or names a goal that does not exist; the problem names it.</response>
    [HttpGet(Name = "listMeasures")]
    [ProducesResponseType<Page<MeasureSummary>>(StatusCodes.Status200OK, "application/json", CsvFormat.MediaType)]
    public async Task<ActionResult<Page<MeasureSummary>>> ListMeasures(
        [FromQuery] string? goal, [FromQuery] string[]? theme, [FromQuery] string? facets, [FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        var graph = await readModel.GetAsync(cancellationToken);
        if (goal is not null && graph.Goal(goal) is null)
        {
            return this.UnknownFilterProblem("goal", goal, "basic goal");
        }
        // The graph's measures are in stable ID order: goal, then measure number (numeric, so 1-10 would follow 1-9).
        var items = graph.Measures.Where(m => goal == null || m.Goal.Id == goal);
        return themed.PageOf(this, graph, [.. items.Select(MeasureSummary.From)], "measure", m => m.Id,
            theme, facets, page);
    }

    /// <summary>Get one measure (施策・節) with its sub-measures (施策・細節).</summary>
    /// <remarks>The measure's title as in the source document, with its sub-measures (titles and descriptions) in document order.</remarks>
    /// <param name="id" example="1-1">ID of the measure: <c>{goal}-{n}</c>.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The measure.</response>
    /// <response code="404">No measure has this ID; the problem names it.</response>
    [HttpGet("{id}", Name = "getMeasure")]
    [ProducesResponseType<MeasureDetail>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<MeasureDetail>> GetMeasure(string id, CancellationToken cancellationToken)
    {
        var measure = (await readModel.GetAsync(cancellationToken)).Measure(id);
        return measure is null ? this.NotFoundProblem("Measure", id) : new MeasureDetail(measure);
    }
}
