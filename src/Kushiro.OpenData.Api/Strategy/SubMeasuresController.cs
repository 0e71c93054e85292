using Kushiro.OpenData.Api.Csv;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Paging;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Strategy;

/// <summary>Sub-measures (施策・細節).</summary>
[Route("api/v{version:apiVersion}/sub-measures")]
[Tags("Sub-measures")]
public sealed class SubMeasuresController(StrategyReadModel readModel, Themes.ThemedPages themed) : ApiV1Controller
{
    /// <summary>List sub-measures (施策・細節), optionally of one basic goal or measure.</summary>
    /// <remarks>In stable ID order (goal, measure, then sub-measure number), paged with <c>limit</c> and <c>offset</c>. Both filters together must agree (the measure of that goal); a measure of another goal is a 400, not an empty list. Re-listings (再掲) carry <c>relistingOf</c>; <c>relisted</c> narrows the list to the originals (false) or to the re-listings (true).</remarks>
    /// <param name="goal" example="1">Only sub-measures of this basic goal (基本目標), by ID. An ID that does not exist is a 400.</param>
    /// <param name="measure" example="1-1">Only sub-measures of this measure (施策・節), by ID. An ID that does not exist is a 400.</param>
    /// <param name="theme" example="sdgs:8">Only items under this theme concept, as <c>scheme:code</c> (see /api/v1/themes). Repeatable: concepts of one scheme combine with OR, schemes with AND. An unknown scheme or code is a 400.</param>
    /// <param name="facets" example="sdgs,fields">Comma-separated theme schemes to count items by; the counts come in <c>facets</c>.</param>
    /// <param name="page">Paging.</param>
    /// <param name="relisted" example="false">Re-listings (再掲) or not: <c>false</c> leaves them out, so that each policy is counted once in <c>total</c> and <c>facets</c>; <c>true</c> returns only them. Absent: both.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">A page of sub-measures.</response>
    /// <response code="400">A query parameter is invalid, names a goal or measure that does not exist, or names a goal and a measure of another goal; the problem names it.</response>
    [HttpGet(Name = "listSubMeasures")]
    [ProducesResponseType<Page<SubMeasureResource>>(StatusCodes.Status200OK, "application/json", CsvFormat.MediaType)]
    public async Task<ActionResult<Page<SubMeasureResource>>> ListSubMeasures(
        [FromQuery] string? goal, [FromQuery] string? measure, [FromQuery] string[]? theme, [FromQuery] string? facets,
        // relisted after paging: it came after v1's first release, and generated clients take parameters in this order.
        [FromQuery] PageQuery page, [FromQuery] bool? relisted, CancellationToken cancellationToken)
    {
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
        var items = WhereRelisted(graph.SubMeasures, relisted)
            .Where(s => (goal == null || s.Goal.Id == goal) && (measure == null || s.Measure.Id == measure));
        return themed.PageOf(this, graph, [.. items.Select(SubMeasureResource.From)], "sub-measure", s => s.Id, theme, facets, page);
    }

    /// <summary>Get one sub-measure (施策・細節).</summary>
    /// <remarks>Its title and description as in the source document. A re-listing (再掲) such as 4-2-2 names its original in <c>relistingOf</c>; the original lists it in <c>relistedAs</c>.</remarks>
    /// <param name="id" example="4-2-2">ID of the sub-measure: <c>{goal}-{n}-{m}</c>.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The sub-measure.</response>
    /// <response code="404">No sub-measure has this ID; the problem names it.</response>
    [HttpGet("{id}", Name = "getSubMeasure")]
    [ProducesResponseType<SubMeasureResource>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<SubMeasureResource>> GetSubMeasure(string id, CancellationToken cancellationToken)
    {
        var found = (await readModel.GetAsync(cancellationToken)).SubMeasure(id);
        return found is null ? this.NotFoundProblem("Sub-measure", id) : SubMeasureResource.From(found);
    }

    /// <summary>
    /// ?relisted= (<see cref="SubMeasureNode.KeptBy"/>). The graph's sub-measures are in stable ID order: goal,
    /// measure, then sub-measure number (numeric, so 1-10 would follow 1-9).
    /// </summary>
    internal static IEnumerable<SubMeasureNode> WhereRelisted(IEnumerable<SubMeasureNode> subMeasures, bool? relisted) =>
        subMeasures.Where(s => s.KeptBy(relisted));
}
