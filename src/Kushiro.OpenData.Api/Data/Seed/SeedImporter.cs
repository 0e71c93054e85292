using Kushiro.OpenData.Api.Strategy;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Data.Seed;

/// <summary>
/// Syncs the seed-owned tables with a validated seed: rows are updated in place, added or removed by their
/// stable IDs, never dropped and recreated, so data that staff enter later and that points at them by ID
/// survives a re-seed. Everything is written by one SaveChanges, that is one transaction.
/// </summary>
public sealed class SeedImporter(OpenDataContext db, TimeProvider time)
{
    // The build of this app. A rebuild elsewhere gets a new ID even from the same sources, which only moves
    // Last-Modified (clients revalidate once, by ETag); a build that serves something new always gets one.
    private static readonly string AppBuild = typeof(SeedImporter).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <returns>True when what the API serves changed: the seed's content, or the build serving it.</returns>
    public async Task<bool> ImportAsync(StrategySeed seed, CancellationToken cancellationToken = default)
    {
        var state = await db.StoreStates.FindAsync([StoreState.SingletonId], cancellationToken);
        if (state?.SeedHash == seed.Hash && state.AppBuild == AppBuild)
        {
            return false;
        }

        Sync(db.LocalGovernments, await db.LocalGovernments.ToListAsync(cancellationToken), seed.LocalGovernments, x => x.Code);
        Sync(db.Plans, await db.Plans.ToListAsync(cancellationToken), [seed.Plan], x => x.Id);
        Sync(db.Goals, await db.Goals.ToListAsync(cancellationToken), seed.Goals, x => x.Id);
        Sync(db.Measures, await db.Measures.ToListAsync(cancellationToken), seed.Measures, x => x.Id);
        Sync(db.SubMeasures, await db.SubMeasures.ToListAsync(cancellationToken), seed.SubMeasures, x => x.Id);

        // A seed edit that changes no value (say, re-indented JSON) records the new hash but keeps Last-Modified.
        var changed = db.ChangeTracker.HasChanges() || state?.AppBuild != AppBuild;
        if (state is null)
        {
            state = new StoreState { SeedHash = seed.Hash, AppBuild = AppBuild, LastModified = time.GetUtcNow() };
            db.StoreStates.Add(state);
        }
        else
        {
            (state.SeedHash, state.AppBuild) = (seed.Hash, AppBuild);
            if (changed)
            {
                state.LastModified = time.GetUtcNow();
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

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
