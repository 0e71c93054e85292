using Kushiro.OpenData.Api.Changes;
using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>Checks staff input beyond its annotations, applies it, and commits a write with its audit entry.</summary>
public sealed class KpiWriter(OpenDataContext db, DatasetVersion dataset, StaffDataLimit staffData, TimeProvider time, ILogger<KpiWriter> logger)
{
    /// <summary>
    /// Figures one KPI may hold (a yearly KPI holds tens). Every read of a KPI, its GraphQL lists and the JSON-LD
    /// export carry all of them, and every figure write loads them: a staff tool run wild had filled one KPI with
    /// 4,500 figures of long texts, and a few anonymous requests then used gigabytes (a security review).
    /// </summary>
    public const int MaxFigures = 1000;

    /// <summary>
    /// Adds what is wrong with a KPI's definition beyond its annotations to the request's errors: run beside them (see
    /// <see cref="KpiWritesController.OnActionExecutionAsync"/>), so one 400 names every field.
    /// </summary>
    public async Task CheckDefinitionAsync(ModelStateDictionary errors, KpiDefinitionInput input, CancellationToken cancellationToken)
    {
        CheckText(errors, ("name", input.Name), ("definition", input.Definition), ("unit", input.Unit), ("statistics.name", input.Statistics?.Name));
        if (input.MeasureId is { } measureId)
        {
            var goalOfMeasure = await db.Measures.Where(m => m.Id == measureId).Select(m => m.GoalId).SingleOrDefaultAsync(cancellationToken);
            if (goalOfMeasure is null)
            {
                errors.AddModelError("measureId", $"There is no measure with ID \"{measureId}\"{IdSpelling.Hint(measureId)}.");
            }
            else if (input.GoalId != goalOfMeasure)
            {
                errors.AddModelError("goalId", $"Must be \"{goalOfMeasure}\", the goal of measure \"{measureId}\".");
            }
        }
        else if (input.GoalId is { } goalId && !await db.Goals.AnyAsync(g => g.Id == goalId, cancellationToken))
        {
            errors.AddModelError("goalId", $"There is no basic goal with ID \"{goalId}\"{IdSpelling.Hint(goalId)}.");
        }
    }

    /// <summary>Adds what is wrong with a figure and its period beyond the annotations, as <see cref="CheckDefinitionAsync"/> does.</summary>
    public static void CheckFigure(ModelStateDictionary errors, string period, KpiFigureInput input)
    {
        if (!KpiPeriod.TryParse(period, out _))
        {
            errors.AddModelError("period", $"\"{period}\" is not a period: use {KpiPeriod.Description}.");
        }
        CheckText(errors, ("note", input.Note), ("source.title", input.Source?.Title), ("source.page", input.Source?.Page));
        if (input.Value is { } value && !KpiValue.IsStorable(value))
        {
            errors.AddModelError("value", $"Must have {KpiValue.Rule}.");
        }
        var url = input.Source?.Url;
        // One message for the field: [Url] has its own for "javascript:x", which this one would only repeat.
        if (url is not null && !ValidationErrorNames.HasError(errors, "source.url") && !KpiValue.IsWebAddress(url))
        {
            errors.AddModelError("source.url", "Must be an absolute http(s) URL in RFC 3986 characters (percent-encode spaces, non-ASCII, [ and ] outside an IPv6 host, and a # after the first), without user:password@.");
        }
        // Not where the source itself is missing: its "required" says it.
        if (url is null && input.Provenance == KpiProvenance.Official && !ValidationErrorNames.HasError(errors, "source"))
        {
            errors.AddModelError("source.url", "Is required for an official figure: say where it was published.");
        }
    }

    public static void Apply(KpiDefinitionInput input, Kpi kpi)
    {
        kpi.GoalId = input.GoalId;
        kpi.MeasureId = input.MeasureId;
        kpi.Name = input.Name!;
        kpi.Definition = input.Definition!;
        kpi.Unit = input.Unit!;
        kpi.Direction = input.Direction!;
        kpi.StatisticsName = input.Statistics?.Name;
        kpi.StatisticsCode = input.Statistics?.GovernmentStatisticsCode;
    }

    public static void Apply(KpiFigureInput input, string period, KpiFigure figure)
    {
        KpiPeriod.TryParse(period, out var end);
        figure.Period = period;
        figure.PeriodEnd = end;
        figure.Value = input.Value!.Value;
        figure.Note = input.Note;
        figure.SourceTitle = input.Source!.Title!;
        figure.SourceUrl = input.Source.Url;
        figure.SourcePage = input.Source.Page;
        figure.Provenance = input.Provenance!;
    }

    /// <summary>
    /// Saves the change, its audit entries and the new Last-Modified in the write transaction the action began (see
    /// <see cref="OpenDataContext.BeginWriteAsync"/>) before it read what it changes, then tells this instance's
    /// <see cref="DatasetVersion"/>, so the very next read sees new ETags.
    /// </summary>
    public async Task<ActionResult<KpiResource>> CommitAsync(
        ControllerBase controller, IDbContextTransaction write, string actor, Kpi kpi, bool created, CancellationToken cancellationToken)
    {
        if (await SaveAsync(controller, write, actor, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        var resource = KpiMapping.ToResource(kpi);
        return created
            // Root-relative, as every link here: CreatedAtRoute builds an absolute URL from the request's Host.
            ? controller.Created(ApiLinks.Kpi(kpi.Id), resource)
            : resource;
    }

    /// <summary>
    /// Saves a figure's write as <see cref="CommitAsync"/> does. The answer is the KPI that holds the figure, named by
    /// Content-Location (RFC 9110 §8.7). A new figure's 201 has no Location: the figure is the request's own URL (§15.3.2),
    /// where a Location naming the KPI told clients that the KPI was what had been created.
    /// </summary>
    public async Task<ActionResult<KpiResource>> CommitFigureAsync(
        ControllerBase controller, IDbContextTransaction write, string actor, Kpi kpi, bool created, CancellationToken cancellationToken)
    {
        if (await SaveAsync(controller, write, actor, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        controller.Response.Headers.ContentLocation = ApiLinks.Kpi(kpi.Id);
        var resource = KpiMapping.ToResource(kpi);
        return created ? new ObjectResult(resource) { StatusCode = StatusCodes.Status201Created } : resource;
    }

    /// <summary>Saves a removal as <see cref="CommitAsync"/> saves any write; the answer is a 204.</summary>
    public async Task<ActionResult> CommitRemovalAsync(ControllerBase controller, IDbContextTransaction write, string actor, CancellationToken cancellationToken) =>
        (ActionResult?)await SaveAsync(controller, write, actor, cancellationToken) ?? controller.NoContent();

    /// <returns>Null once saved; a 409 when the data as it now is refuses the change, or it would take the staff data over its limit.</returns>
    private async Task<ProblemResult?> SaveAsync(ControllerBase controller, IDbContextTransaction write, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = await db.StoreStates.SingleAsync(cancellationToken);
        var staffCheck = await staffData.CheckAsync(db, state.LastModified, cancellationToken);
        if (staffCheck.Refusal is { } full)
        {
            return new ProblemResult(controller.ProblemDetailsFactory.CreateProblemDetails(controller.HttpContext, StatusCodes.Status409Conflict, detail: full));
        }
        // A write that changes nothing (the same figure again) leaves no entry and keeps the stamp.
        var changed = ChangeRecorder.Record(db, actor, now) > 0;
        if (changed)
        {
            state.Touch(now);
        }
        try
        {
            // Stamped before its statements and again after them; only the commit's own time is left to CommitStamp below.
            await CommitStamp.SaveStampedAfterStatementsAsync(db, state, changed, time, cancellationToken);
            // Not cancelled from here on: once the commit is sent, this instance must learn of it (below) either way.
            await write.CommitAsync(CancellationToken.None);
            staffData.Committed(staffCheck, state.LastModified);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || StoreErrors.IsConstraintViolation(e))
        {
            // Writes take turns, so this is a constraint the data as it now is refuses: say, a re-seed on another
            // instance removed the goal or measure the KPI names since the input was checked (or a row this write
            // changes is gone: EF Core's concurrency exception). Nothing was saved.
            // Any other failure (a busy or read-only store, a full disk) is the store's: the exception handlers answer it.
            return new ProblemResult(controller.ProblemDetailsFactory.CreateProblemDetails(controller.HttpContext,
                StatusCodes.Status409Conflict, detail: "The change conflicts with the data as it now is; read it again and retry."));
        }
        dataset.Advance(state.LastModified);
        if (changed)
        {
            dataset.Advance(await CommitStamp.KeepAfterCommitAsync(db, state, time, logger));
        }
        return null;
    }

    private static void CheckText(ModelStateDictionary errors, params (string Field, string? Value)[] fields)
    {
        foreach (var (field, value) in fields)
        {
            // A field its annotations refused (too long, say) keeps that one message.
            if (value is null || ValidationErrorNames.HasError(errors, field))
            {
                continue;
            }
            // Two messages: a note with a line break inside was told of white space at its ends (an outside review).
            if (value.Any(char.IsControl))
            {
                errors.AddModelError(field, "Must not contain control characters, line breaks and tabs included: each text is one line.");
            }
            else if (Data.TextRules.StartsOrEndsInvisibly(value))
            {
                errors.AddModelError(field, "Must not start or end with white space or an invisible character.");
            }
            else if (Data.TextRules.HiddenCharacter(value) is { } hidden)
            {
                errors.AddModelError(field, $"Must not contain hidden characters: formatting characters, noncharacters, line separators or others that show nothing ({Data.TextRules.CodePoint(hidden)}).");
            }
            else if (Data.TextRules.StartsLikeAFormula(value))
            {
                errors.AddModelError(field, "Must not start with =, +, - or @ (full-width ＝＋－＠ too): a spreadsheet opening the CSV would run it as a formula.");
            }
            else if (Data.TextRules.IsPlaceholder(value))
            {
                errors.AddModelError(field, "Is a placeholder (…): give the real text.");
            }
        }
    }
}
