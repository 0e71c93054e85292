using System.Text.Json;
using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Kpis;
using Kushiro.OpenData.Api.Strategy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kushiro.OpenData.Api.Changes;

/// <summary>
/// Turns what a unit of work is about to save into <see cref="ChangeEntry"/> rows, so the audit trail and the
/// changes feed are written by the same SaveChanges (one transaction) as the data: no change without its entry.
/// </summary>
public static class ChangeRecorder
{
    public const string SeedActor = "seed";

    public static string KeyActor(string keyId) => $"key:{keyId}";

    /// <returns>The number of entries added.</returns>
    public static int Record(OpenDataContext db, string actor, DateTimeOffset time)
    {
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => Describe(e, actor, time))
            .OfType<ChangeEntry>()
            .ToList();
        db.Changes.AddRange(entries);
        return entries.Count;
    }

    /// <summary>How the feed names a figure's resource type: kpi-baseline, kpi-target, kpi-observation.</summary>
    public static string FigureType(string role) => $"kpi-{role}";

    private static ChangeEntry? Describe(EntityEntry entry, string actor, DateTimeOffset time)
    {
        var (type, id) = entry.Entity switch
        {
            LocalGovernment g => ("local-government", g.Code),
            Plan p => ("plan", p.Id),
            Goal g => ("goal", g.Id),
            Measure m => ("measure", m.Id),
            SubMeasure s => ("sub-measure", s.Id),
            Kpi k => ("kpi", k.Id),
            // Removing a figure from its KPI's list clears its KpiId before the save: name it as it was.
            KpiFigure f => (FigureType(f.Role), $"{entry.Property(nameof(KpiFigure.KpiId)).OriginalValue}/{f.Role}/{f.Period}"),
            _ => (null, null), // bookkeeping rows (store state, keys, the entries themselves) are not data
        };
        if (type is null)
        {
            return null;
        }
        var changed = entry.State == EntityState.Modified
            ? entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList()
            : entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() || p.Metadata.ClrType == typeof(string)).ToList();
        if (entry.State == EntityState.Modified && changed.Count == 0)
        {
            return null;
        }
        return new ChangeEntry
        {
            Time = time,
            Actor = actor,
            Action = entry.State switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "updated" },
            ResourceType = type,
            ResourceId = id!,
            Before = entry.State == EntityState.Added ? null : Json(changed, p => p.OriginalValue),
            After = entry.State == EntityState.Deleted ? null : Json(changed, p => p.CurrentValue),
        };
    }

    // One instance: options cache the contracts they resolve, and new options for every entry resolved them again for
    // each one (a first import writes one for each seed record it adds).
    private static readonly JsonSerializerOptions Written = new() { Encoder = Http.RestApiSetup.Encoder };

    private static string Json(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value)
    {
        var json = new JsonObject();
        foreach (var property in properties)
        {
            // A decimal read back from the store keeps the store's scale (SQLite 0.0, PostgreSQL 5.00000000), one from a
            // request the client's (0): written as the API serves figures, a before and an after of one value look alike.
            var original = value(property);
            var written = original is decimal number ? KpiMapping.Normalized(number) : original;
            json[JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name)] = JsonSerializer.SerializeToNode(written);
        }
        return json.ToJsonString(Written);
    }
}
