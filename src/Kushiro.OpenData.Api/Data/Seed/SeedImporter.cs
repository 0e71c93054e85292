using Kushiro.OpenData.Api.Changes;
using Kushiro.OpenData.Api.Kpis;
using Kushiro.OpenData.Api.Strategy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>
/// Syncs the seed-owned tables with a validated seed: rows are updated in place, added or removed by their
/// stable IDs, never dropped and recreated, so data that staff enter later and that points at them by ID
/// survives a re-seed. Everything is written in one write transaction (see OpenDataContext.BeginWriteAsync).
/// </summary>
public sealed class SeedImporter(OpenDataContext db, TimeProvider time, ILogger<SeedImporter> logger)
{
    // The build of this app. A rebuild elsewhere gets a new ID even from the same sources, which only moves
    // Last-Modified (clients revalidate once, by ETag); a build that serves something new always gets one.
    private static readonly string AppBuild = typeof(SeedImporter).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>
    /// The store's state if this build already brought it up to date with this seed, else null (no store yet, or
    /// another seed or build). A build records itself only after migrating the store, so when it finds itself
    /// recorded nothing is pending: a start on such a store needs neither the migrations check nor the import.
    /// </summary>
    public async Task<SeedImportResult?> UpToDateAsync(StrategySeed seed, CancellationToken cancellationToken = default)
    {
        // A new store has no database (PostgreSQL) or file (SQLite) yet, or no state table (none yet, or a first start
        // stopped before its migrations were applied): asking first keeps such a start free of failed queries.
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken)
            || !await db.HasTableAsync(db.StoreStateTable, cancellationToken))
        {
            return null;
        }
        // Only the columns compared: this reads a store of an earlier build before it is migrated, which a column
        // added to the state table since would otherwise fail.
        var current = await db.StoreStates
            .Select(s => new StoreState { SeedHash = s.SeedHash, AppBuild = s.AppBuild, LastModified = s.LastModified })
            .SingleOrDefaultAsync(cancellationToken);
        return UpToDate(current, seed) ? new SeedImportResult(false, current!.LastModified) : null;
    }

    private static bool UpToDate(StoreState? state, StrategySeed seed) => state?.SeedHash == seed.Hash && state.AppBuild == AppBuild;

    /// <returns>
    /// Whether what the API serves changed (the seed's content, or the build serving it), and the store's
    /// Last-Modified afterwards, so that start-up needs no second read of it.
    /// </returns>
    public async Task<SeedImportResult> ImportAsync(StrategySeed seed, CancellationToken cancellationToken = default)
    {
        // The start looked just before (UpToDateAsync); the look is repeated once the write lock is held, as another
        // instance of this build may have imported this seed in the meantime.
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var state = await db.StoreStates.FindAsync([StoreState.SingletonId], cancellationToken);
        if (UpToDate(state, seed))
        {
            return new SeedImportResult(false, state!.LastModified);
        }

        // Read once: what staff entered is checked against the seed first, and nothing is synced if the seed would lose it.
        var measures = await db.Measures.ToListAsync(cancellationToken);
        var kpis = await db.Kpis.ToListAsync(cancellationToken);
        var figures = await db.KpiFigures.ToListAsync(cancellationToken);
        RefuseWhatWouldLoseStaffData(seed, measures, kpis, figures);
        Sync(db.LocalGovernments, await db.LocalGovernments.ToListAsync(cancellationToken), seed.LocalGovernments, x => x.Code);
        Sync(db.Plans, await db.Plans.ToListAsync(cancellationToken), [seed.Plan], x => x.Id);
        Sync(db.Goals, await db.Goals.ToListAsync(cancellationToken), seed.Goals, x => x.Id);
        Sync(db.Measures, measures, seed.Measures, x => x.Id);
        Sync(db.SubMeasures, await db.SubMeasures.ToListAsync(cancellationToken), seed.SubMeasures, x => x.Id);
        SyncKpis(seed.Kpis, kpis, figures);

        var now = time.GetUtcNow();
        var rowsChanged = ChangeRecorder.Record(db, ChangeRecorder.SeedActor, now) > 0;
        // Code lists, mappings and English labels are served from the seed files, not from rows: any edit of the seed
        // may change them, so a new seed hash is a change too, announced in the feed for pollers to re-fetch them.
        var seedChanged = state is not null && state.SeedHash != seed.Hash;
        if (seedChanged)
        {
            db.Changes.Add(new Changes.ChangeEntry
            {
                Time = now, Actor = ChangeRecorder.SeedActor, Action = "updated", ResourceType = "seed", ResourceId = "seed",
                Before = $"{{\"hash\":\"{state!.SeedHash}\"}}", After = $"{{\"hash\":\"{seed.Hash}\"}}",
            });
        }
        var changed = rowsChanged || seedChanged || state?.AppBuild != AppBuild;
        if (state is null)
        {
            state = new StoreState { SeedHash = seed.Hash, AppBuild = AppBuild };
            state.Touch(now);
            db.StoreStates.Add(state);
        }
        else
        {
            (state.SeedHash, state.AppBuild) = (seed.Hash, AppBuild);
            if (changed)
            {
                state.Touch(now);
            }
        }
        await CommitStamp.SaveStampedAfterStatementsAsync(db, state, changed, time, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SeedImportResult(changed, changed ? await CommitStamp.KeepAfterCommitAsync(db, state, time, logger) : state.LastModified);
    }

    /// <summary>
    /// Staff-entered rows are never touched, so a seed that would collide with them is refused, every collision named,
    /// before anything is synced:
    /// - a seed KPI reusing a staff KPI's ID;
    /// - a seed KPI removed although staff entered figures for it;
    /// - a seed figure for a period that already has a staff figure;
    /// - a goal or measure removed although a staff KPI names it. EF Core sets a tracked dependent's key to null when its
    ///   principal is removed, so the KPI had silently become the plan's or its goal's, with no entry in the feed and
    ///   no way back by restoring the seed. Only what this seed removes counts: a store an earlier build left
    ///   inconsistent still starts. (A measure cannot move to another goal: its ID is its goal's, then its order,
    ///   which the seed's check holds it to.)
    /// </summary>
    private static void RefuseWhatWouldLoseStaffData(StrategySeed seed, List<Measure> storedMeasures, List<Kpi> kpis, List<KpiFigure> figures)
    {
        var problems = new List<SeedError>();
        var wanted = seed.Kpis.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var staffKpi in kpis.Where(k => k.Origin == KpiOrigin.Staff && wanted.Contains(k.Id)))
        {
            problems.Add(new SeedError(KpisFile, null, staffKpi.Id, "id", $"\"{staffKpi.Id}\" is already the ID of a KPI entered by staff; choose another"));
        }
        foreach (var removed in kpis.Where(k => k.Origin == KpiOrigin.Seed && !wanted.Contains(k.Id)))
        {
            if (figures.Any(f => f.KpiId == removed.Id && f.Origin == KpiOrigin.Staff))
            {
                problems.Add(new SeedError(KpisFile, null, removed.Id, "id",
                    $"KPI \"{removed.Id}\" was removed from the seed, but staff have entered figures for it; keep it, or move those figures first"));
            }
        }
        foreach (var figure in seed.Kpis.SelectMany(k => k.Figures))
        {
            if (figures.FirstOrDefault(f => f.Origin == KpiOrigin.Staff && FigureKey(f) == FigureKey(figure)) is { } staffRow)
            {
                problems.Add(new SeedError(KpisFile, null, figure.KpiId, figure.Role,
                    $"KPI \"{figure.KpiId}\": period \"{figure.Period}\" already has a figure entered by staff (value {KpiMapping.Normalized(staffRow.Value)}); remove one of them"));
            }
        }
        var goals = seed.Goals.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var measures = seed.Measures.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var kpi in kpis.Where(k => k.Origin == KpiOrigin.Staff).OrderBy(k => k.Id, StringComparer.Ordinal))
        {
            var fix = $"keep it, or first move or delete staff KPI \"{kpi.Id}\" (PUT or DELETE {Http.ApiLinks.Kpi(kpi.Id)})";
            if (kpi.MeasureId is { } measure && storedMeasures.Any(m => m.Id == measure) && !measures.Contains(measure))
            {
                problems.Add(new SeedError(MeasuresFile, null, measure, null, $"measure \"{measure}\" was removed from the seed, but staff KPI \"{kpi.Id}\" belongs to it; {fix}"));
            }
            else if (kpi.MeasureId is null && kpi.GoalId is { } goal && !goals.Contains(goal))
            {
                problems.Add(new SeedError(GoalsFile, null, goal, null, $"goal \"{goal}\" was removed from the seed, but staff KPI \"{kpi.Id}\" belongs to it; {fix}"));
            }
        }
        if (problems.Count > 0)
        {
            throw new SeedValidationException(problems);
        }
    }

    /// <summary>Syncs only the seed's own KPIs and figures (staff rows stay as they are: see RefuseWhatWouldLoseStaffData).</summary>
    private void SyncKpis(IReadOnlyList<Kpi> seedKpis, List<Kpi> kpis, List<KpiFigure> figures)
    {
        // Copies without figures, so adding a KPI does not also add its figures through the navigation.
        var definitions = seedKpis.Select(k => new Kpi
        {
            Id = k.Id, PlanId = k.PlanId, GoalId = k.GoalId, MeasureId = k.MeasureId, Name = k.Name, Definition = k.Definition,
            Unit = k.Unit, Direction = k.Direction, StatisticsName = k.StatisticsName, StatisticsCode = k.StatisticsCode, Origin = KpiOrigin.Seed,
        });
        Sync(db.Kpis, [.. kpis.Where(k => k.Origin == KpiOrigin.Seed)], definitions, x => x.Id);

        var current = figures.Where(f => f.Origin == KpiOrigin.Seed).ToDictionary(FigureKey, StringComparer.Ordinal);
        foreach (var figure in seedKpis.SelectMany(k => k.Figures))
        {
            if (current.Remove(FigureKey(figure), out var row))
            {
                var copy = Copy(figure);
                copy.Id = row.Id;
                db.Entry(row).CurrentValues.SetValues(copy);
            }
            else
            {
                db.KpiFigures.Add(Copy(figure));
            }
        }
        db.KpiFigures.RemoveRange(current.Values);
    }

    private const string KpisFile = "seed/" + SeedFiles.Kpis;
    private const string GoalsFile = "seed/" + SeedFiles.Goals;
    private const string MeasuresFile = "seed/" + SeedFiles.Measures;

    private static string FigureKey(KpiFigure f) => $"{f.KpiId}\n{f.Role}\n{f.Period}";

    private static KpiFigure Copy(KpiFigure f) => new()
    {
        KpiId = f.KpiId, Role = f.Role, Period = f.Period, PeriodEnd = f.PeriodEnd, Value = f.Value, Note = f.Note,
        SourceTitle = f.SourceTitle, SourceUrl = f.SourceUrl, SourcePage = f.SourcePage, Provenance = f.Provenance, Origin = KpiOrigin.Seed,
    };

    private void Sync<T>(DbSet<T> set, List<T> existing, IEnumerable<T> wanted, Func<T, string> key) where T : class
    {
        var current = existing.ToDictionary(key, StringComparer.Ordinal);
        foreach (var item in wanted)
        {
            if (current.Remove(key(item), out var row))
            {
                db.Entry(row).CurrentValues.SetValues(item);
            }
            else
            {
                set.Add(item);
            }
        }
        set.RemoveRange(current.Values);
    }
}

/// <param name="Changed">True when what the API serves changed: the seed's content, or the build serving it.</param>
/// <param name="LastModified">The store's Last-Modified after the import.</param>
public sealed record SeedImportResult(bool Changed, DateTimeOffset LastModified);
