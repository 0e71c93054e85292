using System.Security.Claims;
using Asp.Versioning;
using Kushiro.OpenData.Api.ApiKeys;
using Kushiro.OpenData.Api.Changes;
using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// The write path for city staff: KPI definitions, baselines, targets and observations. Every request is one
/// transaction that also writes its audit entry and moves Last-Modified, so ETags, caches and the changes feed
/// follow at once. Seed-owned rows are refused (409): they change by editing seed/kpis.json.
/// </summary>
// Each action begins its write (OpenDataContext.BeginWriteAsync) before it reads what it changes, so what it changes,
// and records as "before", is what the store holds. (Not in the summary above: that is the tag's published text.)
[ApiController]
[ApiVersion(1.0)]
[Route("api/v{version:apiVersion}/kpis")]
[Tags("KPIs: write")]
[Authorize(Policy = ApiKeySetup.KpiWritePolicy)]
// A KPI definition or a figure is well under 4 KB; Kestrel's default of 30 MB would let a key holder make the server
// buffer and parse megabytes per request. Over it: 413.
[RequestSizeLimit(KpiWritesController.MaxBodyBytes)]
[ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
// Every write takes the preconditions (If-Match, If-Unmodified-Since, If-None-Match).
[ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
public sealed partial class KpiWritesController(OpenDataContext db, KpiWriter writer) : ControllerBase, IAsyncActionFilter
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Every check of a body that was read runs before any action, and before [ApiController]'s automatic 400: MVC runs a
    /// controller's own filter first. One 400 then names every field: checked in the actions, a field its annotations
    /// refused (a "javascript:" URL, an unknown provenance) hid every other field's problem until it was mended (an app
    /// developer's review). A body the JSON reader could not read is not bound, and its one error stands alone.
    /// </summary>
    [NonAction]
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        // A figure's role that is none of the three (the route's constraint ignores case: /Targets/) is a 404 whatever the
        // body says, read or not: here, before the automatic 400, which would answer for the body first.
        if (RouteData.Values.TryGetValue("role", out var routeRole) && routeRole is string role && KpiFigureRoute.Role(role) is null)
        {
            context.Result = KpiFigureRoute.UnknownRole(this, role);
            return;
        }
        foreach (var argument in context.ActionArguments.Values)
        {
            switch (argument)
            {
                case KpiDefinitionInput definition:
                    await writer.CheckDefinitionAsync(ModelState, definition, HttpContext.RequestAborted);
                    break;
                case KpiFigureInput figure:
                    KpiWriter.CheckFigure(ModelState, (string)RouteData.Values["period"]!, figure);
                    break;
            }
        }
        await next();
    }

    /// <summary>Create a KPI (needs an API key with the kpi:write scope).</summary>
    /// <remarks>A numeric target of the plan (no goalId, no measureId) or of a basic goal (goalId), or a KPI of a measure (measureId, with its goalId). Figures are added separately.</remarks>
    /// <param name="input">The new KPI's ID and definition.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="201">Created; Location names the new KPI.</response>
    /// <response code="400">The body is invalid; the problem names each field.</response>
    /// <response code="409">A KPI with this ID exists, or the new KPI would take the staff data over its limit (Kpis:MaxStaffCharacters).</response>
    /// <response code="412">A precondition (If-Match, If-Unmodified-Since, If-None-Match) failed; nothing was changed.</response>
    [HttpPost(Name = "createKpi")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status406NotAcceptable, "application/problem+json")]
    [Consumes("application/json"), JsonBodyOnly]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<KpiResource>(StatusCodes.Status201Created, "application/json")]
    public async Task<ActionResult<KpiResource>> CreateKpi(NewKpiInput input, CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await db.Kpis.AnyAsync(k => k.Id == input.Id, cancellationToken))
        {
            return Conflict($"A KPI with ID \"{input.Id}\" already exists; update it with PUT {ApiLinks.Kpi(input.Id!)}.");
        }
        // The target of a POST is the list of KPIs, which exists.
        if (await WritePreconditions.CheckAsync(this, db, PreconditionTarget.TheList, cancellationToken) is { } failed)
        {
            return failed;
        }
        var kpi = new Kpi
        {
            Id = input.Id!, PlanId = await db.Plans.Select(p => p.Id).SingleAsync(cancellationToken),
            Name = "", Definition = "", Unit = "", Direction = "", Origin = KpiOrigin.Staff,
        };
        KpiWriter.Apply(input, kpi);
        db.Kpis.Add(kpi);
        return await writer.CommitAsync(this, write, Actor, kpi, created: true, cancellationToken);
    }

    /// <summary>Update a KPI's definition (needs the kpi:write scope).</summary>
    /// <remarks>Replaces name, definition, unit, direction, statistics and what it belongs to. Its figures stay.</remarks>
    /// <param name="id" example="fishery-new-workers">ID of the KPI.</param>
    /// <param name="input">The whole definition.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">Updated.</response>
    /// <response code="400">The body is invalid; the problem names each field.</response>
    /// <response code="404">No KPI has this ID; for a deleted KPI the problem says when, with the change that deleted it in the changes feed.</response>
    /// <response code="409">The KPI comes from the seed, or its longer texts would take the staff data over its limit (Kpis:MaxStaffCharacters).</response>
    /// <response code="412">A precondition (If-Match, If-Unmodified-Since, If-None-Match) failed; nothing was changed.</response>
    [HttpPut("{id}", Name = "updateKpi")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status406NotAcceptable, "application/problem+json")]
    [Consumes("application/json"), JsonBodyOnly]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<KpiResource>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<KpiResource>> UpdateKpi(string id, KpiDefinitionInput input, CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var (kpi, refusal) = await StaffKpiAsync(id, "its definition changes by editing seed/kpis.json.", cancellationToken);
        if (kpi is null)
        {
            return refusal!;
        }
        if (await WritePreconditions.CheckAsync(this, db, PreconditionTarget.Exists, cancellationToken) is { } failed)
        {
            return failed;
        }
        KpiWriter.Apply(input, kpi);
        return await writer.CommitAsync(this, write, Actor, kpi, created: false, cancellationToken);
    }

    /// <summary>Remove a KPI and its figures (needs the kpi:write scope).</summary>
    /// <remarks>Only KPIs created by staff can be removed. The changes feed records the KPI and each of its figures as deleted, with what they held.</remarks>
    /// <param name="id" example="fishery-new-workers">ID of the KPI.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="204">Removed.</response>
    /// <response code="404">No KPI has this ID; for a deleted KPI the problem says when, with the change that deleted it in the changes feed.</response>
    /// <response code="409">The KPI comes from the seed.</response>
    /// <response code="412">A precondition (If-Match, If-Unmodified-Since, If-None-Match) failed; nothing was changed.</response>
    [HttpDelete("{id}", Name = "deleteKpi")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult> DeleteKpi(string id, CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var (kpi, refusal) = await StaffKpiAsync(id, "it is removed by editing seed/kpis.json.", cancellationToken);
        if (kpi is null)
        {
            return refusal!;
        }
        if (await WritePreconditions.CheckAsync(this, db, PreconditionTarget.Exists, cancellationToken) is { } failed)
        {
            return failed;
        }
        // The figures are removed by name: their key to the KPI restricts deletes, so removing the KPI alone would fail.
        db.KpiFigures.RemoveRange(kpi.Figures);
        db.Kpis.Remove(kpi);
        return await writer.CommitRemovalAsync(this, write, Actor, cancellationToken);
    }

    /// <summary>The KPI with its figures, read inside the write; else its 404, or for a seed KPI the 409 saying how it changes.</summary>
    private async Task<(Kpi? Kpi, ActionResult? Refusal)> StaffKpiAsync(string id, string howTheSeedChangesIt, CancellationToken cancellationToken)
    {
        var kpi = await KpiWithFiguresAsync(id, cancellationToken);
        if (kpi is null)
        {
            return (null, await KpiNotFound.ProblemAsync(this, db, id, cancellationToken));
        }
        return kpi.Origin == KpiOrigin.Seed ? (null, Conflict($"KPI \"{id}\" comes from the project's seed; {howTheSeedChangesIt}")) : (kpi, null);
    }

    // Tracked: the write changes it.
    private Task<Kpi?> KpiWithFiguresAsync(string id, CancellationToken cancellationToken) =>
        db.Kpis.Include(k => k.Figures).SingleOrDefaultAsync(k => k.Id == id, cancellationToken);

    private string Actor => ChangeRecorder.KeyActor(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private ProblemResult Conflict(string detail) =>
        new(ProblemDetailsFactory.CreateProblemDetails(HttpContext, StatusCodes.Status409Conflict, detail: detail));
}
