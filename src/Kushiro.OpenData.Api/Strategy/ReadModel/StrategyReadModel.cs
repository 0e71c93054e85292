using Kushiro.OpenData.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Strategy.ReadModel;

/// <summary>
/// Holds the current <see cref="StrategyGraph"/> and reloads it when the store's Last-Modified
/// (<see cref="DatasetVersion"/>) moves on, so a re-seed or a write through another instance shows here too.
/// A reload is four queries, whatever the size of the tree.
/// </summary>
public sealed class StrategyReadModel(IServiceScopeFactory scopes, DatasetVersion dataset)
{
    private readonly SemaphoreSlim reloading = new(1, 1);
    private volatile StrategyGraph? current;

    public async ValueTask<StrategyGraph> GetAsync(CancellationToken cancellationToken)
    {
        var graph = current;
        if (graph is not null && graph.LastModified == dataset.LastModified)
        {
            return graph;
        }
        await reloading.WaitAsync(cancellationToken);
        try
        {
            // Another request may have reloaded while this one waited.
            var wanted = dataset.LastModified;
            if (current is { } fresh && fresh.LastModified == wanted)
            {
                return fresh;
            }
            current = await LoadAsync(wanted, cancellationToken);
            return current;
        }
        finally
        {
            reloading.Release();
        }
    }

    private async Task<StrategyGraph> LoadAsync(DateTimeOffset lastModified, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDataContext>();
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.Municipality).ThenInclude(m => m!.Prefecture)
            .SingleAsync(cancellationToken);
        var goalRows = await db.Goals.AsNoTracking().OrderBy(g => g.Order).ToListAsync(cancellationToken);
        var measureRows = await db.Measures.AsNoTracking().OrderBy(m => m.Order).ToListAsync(cancellationToken);
        var subMeasureRows = await db.SubMeasures.AsNoTracking().OrderBy(s => s.Order).ToListAsync(cancellationToken);
        return Link(plan, goalRows, measureRows, subMeasureRows, lastModified);
    }

    private static StrategyGraph Link(
        Plan plan, List<Goal> goalRows, List<Measure> measureRows, List<SubMeasure> subMeasureRows, DateTimeOffset lastModified)
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
        }
        foreach (var measure in measures)
        {
            measure.SubMeasures = [.. subMeasures.Where(s => s.Measure == measure)];
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
        return new StrategyGraph(planNode, goals, lastModified);
    }
}
