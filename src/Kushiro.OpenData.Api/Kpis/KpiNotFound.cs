using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// The 404 for a KPI ID (and for a figure's), which says when the ID was a KPI (a figure) that was deleted (by staff, or by a seed that dropped it, whose
/// import records a deletion too): a harvester following a deletion's link
/// in the changes feed, or a bookmark, learns that the KPI is gone and from which change on, instead of suspecting a
/// broken link. Still a 404, not a 410: clients of v1 were told that no KPI with the ID is a 404. The KPI's IRI
/// (/id/kpi/…) says the same.
/// </summary>
public static class KpiNotFound
{
    public static async Task<ProblemResult> ProblemAsync(ControllerBase controller, OpenDataContext db, string id, CancellationToken cancellationToken) =>
        controller.NotFoundProblem("KPI", id, note: await DeletionNoteAsync(db, id, cancellationToken));

    /// <summary>
    /// The 404 for a figure of a KPI that exists, which says when the figure was deleted, as for a KPI: named as the
    /// changes feed and the CSV name a figure, {kpi}/{role, singular}/{period}.
    /// </summary>
    public static async Task<ProblemResult> FigureProblemAsync(ControllerBase controller, OpenDataContext db, string id, string role, string period, CancellationToken cancellationToken)
    {
        var figure = $"{id}/{role}/{period}";
        // Still a 404 (no figure has that address), but one that says why none can: a PUT there is a 400 naming it.
        var note = KpiPeriod.TryParse(period, out _)
            ? await DeletionNoteAsync(db, Changes.ChangeRecorder.FigureType(role), figure, cancellationToken)
            : $"\"{period}\" is not a period: use {KpiPeriod.Description}";
        return controller.NotFoundProblem("Figure", figure, note: note);
    }

    /// <summary>"it was deleted at …, change N of the changes feed (…)", or null when the KPI ID's last change is no deletion.</summary>
    public static Task<string?> DeletionNoteAsync(OpenDataContext db, string id, CancellationToken cancellationToken) =>
        DeletionNoteAsync(db, "kpi", id, cancellationToken);

    private static async Task<string?> DeletionNoteAsync(OpenDataContext db, string resourceType, string id, CancellationToken cancellationToken)
    {
        // The ID's last entry only: a KPI deleted and created again, then deleted again, was deleted last at that time.
        var last = await db.Changes.AsNoTracking()
            .Where(c => c.ResourceType == resourceType && c.ResourceId == id)
            .OrderByDescending(c => c.Sequence)
            .Select(c => new { c.Action, c.Sequence, c.Time })
            .FirstOrDefaultAsync(cancellationToken);
        if (last is not { Action: "deleted" })
        {
            return null;
        }
        // The link starts with the write's first entry: deleting a KPI deletes its figures first, each an entry of the
        // same write, which shares its time (a seed import's entries share one time too: the link then starts with
        // the import). The feed's time is indexed.
        var first = await db.Changes.AsNoTracking()
            .Where(c => c.Time == last.Time && c.Sequence <= last.Sequence)
            .MinAsync(c => c.Sequence, cancellationToken);
        return $"it was deleted at {DateTimeText.Format(last.Time)}, change {last.Sequence} of the changes feed ({ApiLinks.Changes}?after={first - 1})";
    }
}
