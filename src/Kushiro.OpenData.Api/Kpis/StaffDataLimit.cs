using System.Globalization;
using Kushiro.OpenData.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Options;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>Refuses a write that would take the staff data over <see cref="StaffDataOptions.MaxStaffCharacters"/>.</summary>
public sealed class StaffDataLimit(IOptions<StaffDataOptions> options)
{
    /// <summary>What a row counts besides its texts: its ID, numbers, dates and names as the answers write them.</summary>
    public const int RowCharacters = 100;

    /// <summary>
    /// Null when the unsaved changes of <paramref name="db"/> keep the staff data within the limit, or shrink it (a
    /// removal, a shorter text: always allowed, so staff can get back under a lowered limit); else the refusal's text.
    /// Call inside the write's transaction, before saving: writes take turns, so the total read is the one the write
    /// adds to.
    /// </summary>
    public async Task<string?> RefusalAsync(OpenDataContext db, CancellationToken cancellationToken)
    {
        var growth = db.ChangeTracker.Entries().Sum(Growth);
        if (growth <= 0)
        {
            return null;
        }
        var held = await StoredAsync(db, cancellationToken);
        var limit = options.Value.MaxStaffCharacters;
        return held + growth <= limit
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"Staff KPIs and figures hold {held:N0} characters of the {limit:N0} they may hold in all, and this write would add {growth:N0}; remove figures or KPIs no longer needed, or ask the operator to raise {StaffDataOptions.Section}:{nameof(StaffDataOptions.MaxStaffCharacters)}.");
    }

    /// <summary>
    /// What the store's staff rows hold, counted here as the unsaved rows are: SQL's length() counts bytes, not
    /// characters, in a PostgreSQL database that is not UTF-8 (a code review), and one count cannot drift from the other.
    /// </summary>
    public static async Task<long> StoredAsync(OpenDataContext db, CancellationToken cancellationToken)
    {
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.Origin == KpiOrigin.Staff).ToListAsync(cancellationToken);
        var figures = await db.KpiFigures.AsNoTracking().Where(f => f.Origin == KpiOrigin.Staff).ToListAsync(cancellationToken);
        return kpis.Sum(Size) + figures.Sum(Size);
    }

    private static long Growth(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => Size(entry.Entity),
        EntityState.Modified => Size(entry.Entity) - Size(entry.OriginalValues.ToObject()),
        EntityState.Deleted => -Size(entry.OriginalValues.ToObject()),
        _ => 0,
    };

    /// <summary>A staff KPI's or figure's count; 0 for any other row (the seed's are bounded by the seed).</summary>
    private static long Size(object row) => row switch
    {
        Kpi { Origin: KpiOrigin.Staff } k => Count(k.Name, k.Definition, k.Unit, k.StatisticsName, k.StatisticsCode),
        KpiFigure { Origin: KpiOrigin.Staff } f => Count(f.Period, f.Note, f.SourceTitle, f.SourceUrl, f.SourcePage),
        _ => 0,
    };

    // Code points, as the write path's length rules count.
    private static long Count(params string?[] texts) => RowCharacters + texts.Sum(text => text?.EnumerateRunes().Count() ?? 0);
}
