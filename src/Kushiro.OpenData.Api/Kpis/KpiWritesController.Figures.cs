using System.Globalization;
using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Kpis;

// The figure actions: a KPI's baseline, targets and observations, one by one.
public sealed partial class KpiWritesController
{
    /// <summary>Set a KPI's baseline, a target or an observation for a period (needs the kpi:write scope).</summary>
    /// <remarks>Creates the figure or replaces the one for that period. <c>role</c> is <c>baseline</c> (a KPI has at most one: setting it for another period replaces it), <c>targets</c> or <c>observations</c>.</remarks>
    /// <param name="id" example="fishery-new-workers">ID of the KPI.</param>
    /// <param name="role" example="observations">baseline, targets or observations.</param>
    /// <param name="period" example="FY2023">"2040" (calendar year), "FY2020" (fiscal year 年度, April to March) or "2010-10-01" (a date).</param>
    /// <param name="input">The figure.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">Replaced; the KPI with its new figures and progress.</response>
    /// <response code="201">Created; the KPI with its new figures and progress.</response>
    /// <response code="400">The period or body is invalid; the problem names each field.</response>
    /// <response code="404">No KPI has this ID (for a deleted KPI the problem says when, with the change that deleted it in the changes feed), or the role is not one of the three.</response>
    /// <response code="409">The figure for this period comes from the seed, the KPI holds the most figures one may (1,000) and this one would be new, or the write would take the staff data over its limit (Kpis:MaxStaffCharacters).</response>
    /// <response code="412">A precondition (If-Match, If-Unmodified-Since, If-None-Match) failed; nothing was changed.</response>
    [HttpPut("{id}/{role:regex(^(baseline|targets|observations)$)}/{period}", Name = "putKpiFigure")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status406NotAcceptable, "application/problem+json")]
    [Consumes("application/json"), JsonBodyOnly]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<KpiResource>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<KpiResource>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<KpiResource>> PutFigure(string id, string role, string period, KpiFigureInput input, CancellationToken cancellationToken)
    {
        // Any other role was answered with its 404 by OnActionExecutionAsync.
        var figureRole = KpiFigureRoute.Role(role)!;
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var kpi = await KpiWithFiguresAsync(id, cancellationToken);
        if (kpi is null)
        {
            return await KpiNotFound.ProblemAsync(this, db, id, cancellationToken);
        }
        var existing = kpi.Figures.Where(f => f.Role == figureRole && (f.Period == period || figureRole == KpiFigureRole.Baseline)).ToList();
        if (existing.FirstOrDefault(f => f.Origin == KpiOrigin.Seed) is { } seeded)
        {
            return Conflict($"The {figureRole} for {seeded.Period} of KPI \"{id}\" comes from the project's seed; it changes by editing seed/kpis.json.");
        }
        if (existing.Count == 0 && kpi.Figures.Count >= KpiWriter.MaxFigures)
        {
            return Conflict(string.Create(CultureInfo.InvariantCulture,
                $"KPI \"{id}\" holds {kpi.Figures.Count:N0} figures, the most one KPI may hold; remove one before adding another."));
        }
        var replaced = existing.FirstOrDefault(f => f.Period == period);
        // A KPI has one baseline: a PUT of another period replaces it, so "only if it does not exist" holds it to that one.
        if (await WritePreconditions.CheckAsync(this, db, existing.Count == 0 ? PreconditionTarget.Missing : PreconditionTarget.Exists, cancellationToken) is { } failed)
        {
            return failed;
        }
        foreach (var other in existing.Where(f => f != replaced))
        {
            kpi.Figures.Remove(other);
            db.KpiFigures.Remove(other);
        }
        var figure = replaced ?? new KpiFigure { KpiId = id, Role = figureRole, Period = period, SourceTitle = "", Provenance = "", Origin = KpiOrigin.Staff };
        KpiWriter.Apply(input, period, figure);
        if (replaced is null)
        {
            kpi.Figures.Add(figure);
        }
        return await writer.CommitFigureAsync(this, write, Actor, kpi, created: replaced is null, cancellationToken);
    }

    /// <summary>Remove a KPI's baseline, a target or an observation (needs the kpi:write scope).</summary>
    /// <remarks>Only figures entered by staff can be removed here.</remarks>
    /// <param name="id" example="fishery-new-workers">ID of the KPI.</param>
    /// <param name="role" example="observations">baseline, targets or observations.</param>
    /// <param name="period" example="FY2023">The figure's period.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">Removed; the KPI as it is now.</response>
    /// <response code="404">No KPI has this ID (for a deleted KPI the problem says when, with the change that deleted it in the changes feed), or it has no such figure (for a deleted figure the problem says when, as for a KPI).</response>
    /// <response code="409">The figure comes from the seed.</response>
    /// <response code="412">A precondition (If-Match, If-Unmodified-Since, If-None-Match) failed; nothing was changed.</response>
    [HttpDelete("{id}/{role:regex(^(baseline|targets|observations)$)}/{period}", Name = "deleteKpiFigure")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status406NotAcceptable, "application/problem+json")]
    [ProducesResponseType<KpiResource>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<KpiResource>> DeleteFigure(string id, string role, string period, CancellationToken cancellationToken)
    {
        // Any other role was answered with its 404 by OnActionExecutionAsync.
        var figureRole = KpiFigureRoute.Role(role)!;
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var kpi = await KpiWithFiguresAsync(id, cancellationToken);
        var figure = kpi?.Figures.SingleOrDefault(f => f.Role == figureRole && f.Period == period);
        if (kpi is null)
        {
            return await KpiNotFound.ProblemAsync(this, db, id, cancellationToken);
        }
        if (figure is null)
        {
            return await KpiNotFound.FigureProblemAsync(this, db, id, figureRole, period, cancellationToken);
        }
        if (figure.Origin == KpiOrigin.Seed)
        {
            return Conflict($"This figure of KPI \"{id}\" comes from the project's seed; it changes by editing seed/kpis.json.");
        }
        if (await WritePreconditions.CheckAsync(this, db, PreconditionTarget.Exists, cancellationToken) is { } failed)
        {
            return failed;
        }
        kpi.Figures.Remove(figure);
        db.KpiFigures.Remove(figure);
        return await writer.CommitFigureAsync(this, write, Actor, kpi, created: false, cancellationToken);
    }
}
