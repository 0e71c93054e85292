using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Kpis;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Strategy.ReadModel;

/// <summary>
/// Holds the current <see cref="StrategyGraph"/> and reloads it when the store's Last-Modified
/// (<see cref="DatasetVersion"/>) moves on, so a re-seed or a write through another instance shows here too.
/// A reload is a fixed handful of queries, whatever the size of the tree.
/// </summary>
public sealed class StrategyReadModel(
    IServiceScopeFactory scopes, DatasetVersion dataset, Labels.EnglishLabels labels, ILogger<StrategyReadModel> logger)
{
    private readonly SemaphoreSlim reloading = new(1, 1);
    private volatile StrategyGraph? current;

    public async ValueTask<StrategyGraph> GetAsync(CancellationToken cancellationToken)
    {
        var graph = current;
        // A graph read at or after the Last-Modified this instance knows of is current (another instance may have
        // written since; DatasetVersion catches up within seconds and the next reload picks that up).
        if (graph is not null && graph.Stamp >= dataset.Stamp)
        {
            return graph;
        }
        await reloading.WaitAsync(cancellationToken);
        try
        {
            // Another request may have reloaded while this one waited.
            if (current is { } fresh && fresh.Stamp >= dataset.Stamp)
            {
                return fresh;
            }
            current = await LoadAsync(cancellationToken);
            return current;
        }
        finally
        {
            reloading.Release();
        }
    }

    /// <summary>The load <see cref="Preload"/> started: complete once the tree is loaded, or the load failed or was
    /// abandoned (it never faults).</summary>
    internal Task Preloaded { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// Starts loading the graph on the thread pool and returns at once, so that the first request that needs it
    /// (a list, a GraphQL query, a search) finds it loaded or loading. A failure is logged; that request tries again.
    /// </summary>
    /// <param name="stopping">The app stopping: the load is abandoned without a warning.</param>
    public void Preload(CancellationToken stopping) => Preloaded = Task.Run(async () =>
    {
        try
        {
            await GetAsync(stopping);
        }
        catch (Exception e) when (stopping.IsCancellationRequested || e is ObjectDisposedException)
        {
            // Cancelled, or the store's services disposed under it as the app stopped: nothing will ask for the tree
            // any more.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The strategy tree could not be preloaded; the first request that needs it loads it");
        }
    });

    private async Task<StrategyGraph> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDataContext>();
        var began = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        // One snapshot: a re-seed or write by another instance between the queries must not mix old and new rows.
        await using var snapshot = await db.BeginSnapshotAsync(cancellationToken);
        var stamp = (await db.StoreStates.AsNoTracking().SingleAsync(cancellationToken)).LastModified;
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.Municipality).ThenInclude(m => m!.Prefecture)
            .SingleAsync(cancellationToken);
        var goalRows = await db.Goals.AsNoTracking().OrderBy(g => g.Order).ToListAsync(cancellationToken);
        var measureRows = await db.Measures.AsNoTracking().OrderBy(m => m.Order).ToListAsync(cancellationToken);
        var subMeasureRows = await db.SubMeasures.AsNoTracking().OrderBy(s => s.Order).ToListAsync(cancellationToken);
        var kpiRows = await db.Kpis.AsNoTracking().Include(k => k.Figures).ToListAsync(cancellationToken);
        var kpis = KpiMapping.InDocumentOrder(kpiRows, goalRows.ToDictionary(g => g.Id, g => g.Order), measureRows.ToDictionary(m => m.Id, m => m.Order))
            .Select(k => new KpiNode(KpiMapping.ToResource(k), [.. KpiMapping.Observations(k).Select(KpiMapping.ToResource)]))
            .ToList();
        // When each kind of resource last changed, for the catalog's dataset dates: one grouped read of the feed (a row per
        // change, read again only when the data changed).
        var changes = await db.Changes.AsNoTracking().GroupBy(c => c.ResourceType)
            .Select(g => new { Type = g.Key, First = g.Min(c => c.Time), Last = g.Max(c => c.Time) })
            .ToListAsync(cancellationToken);
        var changeDates = new Changes.ChangeDates(
            changes.ToDictionary(x => x.Type, x => x.Last, StringComparer.Ordinal), changes.Count == 0 ? null : changes.Min(x => x.First));
        var graph = Link(plan, goalRows, measureRows, subMeasureRows, kpis, stamp, changeDates, labels);
        // A snapshot newer than this instance knew of (another instance wrote since its last refresh) moves the
        // dataset's date on, as a read of the store's date would: an answer made from it is then sent without the
        // older date (Http/ConditionalGetMiddleware.cs), and the next ones carry the new date.
        dataset.Observed(stamp, began);
        return graph;
    }

    private static StrategyGraph Link(
        Plan plan, List<Goal> goalRows, List<Measure> measureRows, List<SubMeasure> subMeasureRows, List<KpiNode> kpis, DateTimeOffset lastModified,
        Changes.ChangeDates changeDates, Labels.EnglishLabels labels)
    {
        var goals = goalRows.Select(g => new GoalNode(g.Id, g.Marker, g.Title, g.Order)).ToList();
        var goalsById = goals.ToDictionary(g => g.Id, StringComparer.Ordinal);
        var measures = measureRows.Select(m => new MeasureNode(m.Id, m.Marker, m.Title, m.Order, goalsById[m.GoalId])).ToList();
        var measuresById = measures.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var subMeasures = subMeasureRows.Select(s => new SubMeasureNode(s, measuresById[s.MeasureId])).ToList();
        var subMeasuresById = subMeasures.ToDictionary(s => s.Id, StringComparer.Ordinal);

        // Rows came sorted by their order within the parent, so grouping keeps document order.
        foreach (var goal in goals)
        {
            goal.Measures = [.. measures.Where(m => m.Goal == goal)];
            goal.Kpis = [.. kpis.Where(k => k.Kpi.Level == KpiLevel.Goal && k.Kpi.GoalId == goal.Id)];
        }
        foreach (var measure in measures)
        {
            measure.SubMeasures = [.. subMeasures.Where(s => s.Measure == measure)];
            measure.Kpis = [.. kpis.Where(k => k.Kpi.MeasureId == measure.Id)];
        }
        foreach (var row in subMeasureRows.Where(r => r.RelistingOfId is not null))
        {
            subMeasuresById[row.Id].RelistingOf = subMeasuresById[row.RelistingOfId!];
        }
        var inDocumentOrder = measures.OrderBy(m => m.Goal.Order).ThenBy(m => m.Order).SelectMany(m => m.SubMeasures).ToList();
        foreach (var original in subMeasures)
        {
            original.RelistedAs = [.. inDocumentOrder.Where(s => s.RelistingOf == original)];
        }

        var municipality = plan.Municipality!;
        var prefecture = municipality.Prefecture!;
        var planNode = new PlanNode(plan.Id, plan.Title, plan.Status,
            new MunicipalityNode(municipality.Code, municipality.Name, new PrefectureNode(prefecture.Code, prefecture.Name)),
            plan.SourceDocument, plan.Licence, plan.EditorialLicence);
        return new StrategyGraph(planNode, goals, kpis, lastModified, changeDates, labels);
    }
}
