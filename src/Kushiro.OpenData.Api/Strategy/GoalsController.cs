using Kushiro.OpenData.Api.Csv;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Paging;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Strategy;

/// <summary>Basic goals (基本目標).</summary>
[Route("api/v{version:apiVersion}/goals")]
[Tags("Goals")]
public sealed class GoalsController(StrategyReadModel readModel, Themes.ThemeCatalog themes, Themes.ThemedPages themed) : ApiV1Controller
{
    /// <summary>List the basic goals (基本目標).</summary>
    /// <remarks>In stable ID order, paged with <c>limit</c> and <c>offset</c>. A goal is under a theme when one of its sub-measures is.</remarks>
    /// <param name="theme" example="sdgs:8">Only items under this theme concept, as <c>scheme:code</c> (see /api/v1/themes). Repeatable: concepts of one scheme combine with OR, schemes with AND. An unknown scheme or code is a 400.</param>
    /// <param name="facets" example="sdgs,fields">Comma-separated theme schemes to count items by; the counts come in <c>facets</c>.</param>
    /// <param name="page">Paging.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">A page of basic goals.</response>
    /// <response code="400">A query parameter is invalid; the problem names it.</response>
    [HttpGet(Name = "listGoals")]
    [ProducesResponseType<Page<GoalSummary>>(StatusCodes.Status200OK, "application/json", CsvFormat.MediaType)]
    public async Task<ActionResult<Page<GoalSummary>>> ListGoals(
        [FromQuery] string[]? theme, [FromQuery] string? facets, [FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        var graph = await readModel.GetAsync(cancellationToken);
        return themed.PageOf(this, graph, [.. graph.Goals.Select(GoalSummary.From)], "goal", g => g.Id,
            theme, facets, page);
    }

    /// <summary>Get one basic goal (基本目標) with its measures (施策・節).</summary>
    /// <remarks>The goal's title as in the source document, with summaries of its measures in document order.</remarks>
    /// <param name="id" example="1">ID of the basic goal: 1 to 4.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The basic goal.</response>
    /// <response code="404">No basic goal has this ID; the problem names it.</response>
    [HttpGet("{id}", Name = "getGoal")]
    [ProducesResponseType<GoalDetail>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<GoalDetail>> GetGoal(string id, CancellationToken cancellationToken)
    {
        var goal = (await readModel.GetAsync(cancellationToken)).Goal(id);
        return goal is null ? this.NotFoundProblem("Goal", id) : new GoalDetail(goal, Themes.AlignmentResource.Of(themes, id));
    }
}
