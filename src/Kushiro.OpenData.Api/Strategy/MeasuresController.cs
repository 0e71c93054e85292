using Kushiro.OpenData.Api.Csv;
using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Kpis;
using Kushiro.OpenData.Api.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Strategy;

/// <summary>Measures (施策・節).</summary>
[Data.ReadsTheStore]
[Route("api/v{version:apiVersion}/measures")]
[Tags("Measures")]
public sealed class MeasuresController(OpenDataContext db, Themes.ThemedPages themed) : ApiV1Controller
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
        if (goal is not null && !await db.Goals.AnyAsync(g => g.Id == goal, cancellationToken))
        {
            return this.UnknownFilterProblem("goal", goal, "basic goal");
        }
        var items = await InIdOrder(db.Measures.AsNoTracking().Where(m => goal == null || m.GoalId == goal)).ToListAsync(cancellationToken);
        return await themed.PageAsync(this, [.. items.Select(MeasureSummary.From)], (graph, m) => Themes.ThemeFilter.Under(graph, "measure", m.Id),
            theme, facets, page, cancellationToken);
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
        var measure = await db.Measures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (measure is null)
        {
            return this.NotFoundProblem("Measure", id);
        }
        var subMeasures = await SubMeasuresController.Resources(
            SubMeasuresController.InIdOrder(db.SubMeasures.Where(s => s.MeasureId == id)), cancellationToken);
        var kpis = await db.Kpis.AsNoTracking().Include(k => k.Figures)
            .Where(k => k.MeasureId == id).OrderBy(k => k.Id).ToListAsync(cancellationToken);
        return new MeasureDetail(measure, subMeasures, [.. kpis.Select(KpiMapping.ToResource)]);
    }

    // Stable ID order: goal, then measure number (numeric, so 1-10 would follow 1-9).
    internal static IQueryable<Measure> InIdOrder(IQueryable<Measure> query) =>
        query.OrderBy(m => m.Goal!.Order).ThenBy(m => m.Order);
}
