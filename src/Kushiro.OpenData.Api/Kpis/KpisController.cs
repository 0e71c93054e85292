using Kushiro.OpenData.Api.Csv;
using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>Numeric targets (数値目標) and KPIs (重要業績評価指標), read side.</summary>
[Route("api/v{version:apiVersion}/kpis")]
[Tags("KPIs")]
public sealed class KpisController(OpenDataContext db, Strategy.ReadModel.StrategyReadModel readModel, Themes.ThemedPages themed) : ApiV1Controller
{
    /// <summary>List numeric targets and KPIs, optionally of one basic goal or measure.</summary>
    /// <remarks>In document order: the plan's own targets first, then by goal and measure, then by ID. <c>goal</c> selects the goal's numeric targets and its measures' KPIs; <c>measure</c> one measure's KPIs. Paged with <c>limit</c> and <c>offset</c>.</remarks>
    /// <param name="goal" example="1">Only KPIs of this basic goal (基本目標) and its measures. An ID that does not exist is a 400.</param>
    /// <param name="measure" example="1-1">Only KPIs of this measure (施策・節). An ID that does not exist is a 400.</param>
    /// <param name="theme" example="sdgs:8">Only KPIs of a goal or measure under this theme concept (the plan's own targets have none), as <c>scheme:code</c> (see /api/v1/themes). Repeatable: concepts of one scheme combine with OR, schemes with AND. An unknown scheme or code is a 400.</param>
    /// <param name="facets" example="sdgs,fields">Comma-separated theme schemes to count items by; the counts come in <c>facets</c>.</param>
    /// <param name="page">Paging.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">A page of KPIs.</response>
    /// <response code="400">A query parameter is invalid, names a goal or measure that does not exist, or names a goal and a measure of another goal; the problem names it.</response>
    [HttpGet(Name = "listKpis")]
    [ProducesResponseType<Page<KpiResource>>(StatusCodes.Status200OK, "application/json", CsvFormat.MediaType)]
    public async Task<ActionResult<Page<KpiResource>>> ListKpis(
        [FromQuery] string? goal, [FromQuery] string? measure, [FromQuery] string[]? theme, [FromQuery] string? facets,
        [FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        // The read model holds every KPI as served, in document order: no store read for a list.
        var graph = await readModel.GetAsync(cancellationToken);
        if (goal is not null && graph.Goal(goal) is null)
        {
            return this.UnknownFilterProblem("goal", goal, "basic goal");
        }
        if (measure is not null && graph.Measure(measure) is null)
        {
            return this.UnknownFilterProblem("measure", measure, "measure");
        }
        if (Strategy.GoalOfMeasure.Disagreement(graph, goal, measure, "goal") is { } disagreement)
        {
            return this.InvalidParameterProblem("goal", disagreement);
        }
        var kpis = graph.Kpis.Select(k => k.Kpi).Where(k => (goal is null || k.GoalId == goal) && (measure is null || k.MeasureId == measure)).ToList();
        return themed.PageOf(this, graph, kpis, "kpi", k => k.Id, theme, facets, page);
    }

    /// <summary>Get one numeric target or KPI.</summary>
    /// <remarks>Its definition, baseline and targets, the latest observation and the progress toward each target. Every figure names its source and provenance.</remarks>
    /// <param name="id" example="population-outlook">ID of the KPI.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The KPI.</response>
    /// <response code="404">No KPI has this ID; the problem names it, and for a deleted KPI says when, with the change that deleted it in the changes feed.</response>
    [Data.ReadsTheStore]
    [HttpGet("{id}", Name = "getKpi")]
    [ProducesResponseType<KpiResource>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<KpiResource>> GetKpi(string id, CancellationToken cancellationToken)
    {
        var kpi = await db.Kpis.AsNoTracking().Include(k => k.Figures).SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        return kpi is null ? await KpiNotFound.ProblemAsync(this, db, id, cancellationToken) : KpiMapping.ToResource(kpi);
    }

    /// <summary>Get one baseline, target or observation of a KPI.</summary>
    /// <remarks>The figure a PUT to the same URL sets or replaces: its value, period, source and provenance. The KPI (<c>/kpis/{id}</c>) holds every figure, with the progress toward each target.</remarks>
    /// <param name="id" example="population-outlook">ID of the KPI.</param>
    /// <param name="role" example="targets">baseline, targets or observations.</param>
    /// <param name="period" example="2040">The figure's period, as it was set: "2040" (calendar year), "FY2020" (fiscal year 年度) or "2010-10-01" (a date).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The figure.</response>
    /// <response code="404">No KPI has this ID (for a deleted KPI the problem says when, with the change that deleted it in the changes feed), the role is not one of the three, or the KPI has no such figure (for a deleted figure the problem says when, as for a KPI); the problem names it.</response>
    [Data.ReadsTheStore]
    [HttpGet("{id}/{role:regex(^(baseline|targets|observations)$)}/{period}", Name = "getKpiFigure")]
    [ProducesResponseType<KpiFigureResource>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<KpiFigureResource>> GetFigure(string id, string role, string period, CancellationToken cancellationToken)
    {
        if (KpiFigureRoute.Role(role) is not { } figureRole)
        {
            return KpiFigureRoute.UnknownRole(this, role);
        }
        // The one figure, not the KPI's up to 1,000 (KpiWriter.MaxFigures) to pick it from.
        if (await db.KpiFigures.AsNoTracking().SingleOrDefaultAsync(f => f.KpiId == id && f.Role == figureRole && f.Period == period, cancellationToken) is { } figure)
        {
            return KpiMapping.ToResource(figure);
        }
        return await db.Kpis.AnyAsync(k => k.Id == id, cancellationToken)
            ? await KpiNotFound.FigureProblemAsync(this, db, id, figureRole, period, cancellationToken)
            : await KpiNotFound.ProblemAsync(this, db, id, cancellationToken);
    }

    /// <summary>List a KPI's observations (実績値).</summary>
    /// <remarks>Oldest period first, paged with <c>limit</c> and <c>offset</c>. Each observation names its source and provenance.</remarks>
    /// <param name="id" example="population-outlook">ID of the KPI.</param>
    /// <param name="page">Paging.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">A page of observations.</response>
    /// <response code="404">No KPI has this ID; the problem names it, and for a deleted KPI says when, with the change that deleted it in the changes feed.</response>
    [Data.ReadsTheStore]
    [HttpGet("{id}/observations", Name = "listKpiObservations")]
    [ProducesResponseType<Page<KpiFigureResource>>(StatusCodes.Status200OK, "application/json", CsvFormat.MediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<Page<KpiFigureResource>>> ListObservations(string id, [FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        var kpi = await db.Kpis.AsNoTracking().Include(k => k.Figures).SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (kpi is null)
        {
            return await KpiNotFound.ProblemAsync(this, db, id, cancellationToken);
        }
        // CSV repeats the KPI on every figure row; the figures themselves do not carry it.
        HttpContext.Features.Set(new FigureListContext(kpi.Id, kpi.Name, kpi.Unit, KpiFigureRole.Observation));
        var observations = KpiMapping.Observations(kpi);
        return Page<KpiFigureResource>.Create(
            [.. observations.Skip(page.Offset).Take(page.Limit).Select(KpiMapping.ToResource)], observations.Count, page, Request);
    }

}
