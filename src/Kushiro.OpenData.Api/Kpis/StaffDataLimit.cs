using System.Globalization;
using System.Linq.Expressions;
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

    // The total as of a store stamp. Staff data changes only through the write path, which moves the stamp, so while
    // the stamp is the one the total was counted at, so is the total: a growing write near the bound had read every
    // staff row again, about 0.2 s and 30 MB inside the write lock (a code review). Another instance's write moves the
    // stamp too, and the next write here counts again.
    private Known? known;

    private sealed record Known(DateTimeOffset Stamp, long Total);

    // The texts a staff row counts, said once for both counts: the stored rows' (a query, which reads these columns
    // only) and the unsaved ones' (compiled). A text column added to one list and not the other would let the two drift.
    private static readonly Expression<Func<Kpi, string?[]>> KpiTexts =
        k => new string?[] { k.Name, k.Definition, k.Unit, k.StatisticsName, k.StatisticsCode };
    private static readonly Expression<Func<KpiFigure, string?[]>> FigureTexts =
        f => new string?[] { f.Period, f.Note, f.SourceTitle, f.SourceUrl, f.SourcePage };
    private static readonly Func<Kpi, string?[]> KpiTextsOf = KpiTexts.Compile();
    private static readonly Func<KpiFigure, string?[]> FigureTextsOf = FigureTexts.Compile();

    /// <summary>What a write would leave: the total after it where known, or the refusal's text.</summary>
    public sealed record Check(long? TotalAfter, string? Refusal);

    /// <summary>
    /// Whether the unsaved changes of <paramref name="db"/> keep the staff data within the limit. A write that shrinks
    /// it (a removal, a shorter text) is always taken, so staff can get back under a lowered limit. Call inside the
    /// write's transaction, before saving, with the stamp the store holds there: writes take turns, so the total is
    /// the one the write adds to.
    /// </summary>
    public async Task<Check> CheckAsync(OpenDataContext db, DateTimeOffset stamp, CancellationToken cancellationToken)
    {
        var growth = db.ChangeTracker.Entries().Sum(Growth);
        var held = Volatile.Read(ref known) is { } k && k.Stamp == stamp ? k.Total : (long?)null;
        if (growth <= 0)
        {
            return new(held + growth, null);
        }
        if (held is null)
        {
            held = await StoredAsync(db, cancellationToken);
            Volatile.Write(ref known, new Known(stamp, held.Value));
        }
        var limit = options.Value.MaxStaffCharacters;
        return held + growth <= limit
            ? new(held + growth, null)
            : new(null, string.Create(CultureInfo.InvariantCulture,
                $"Staff KPIs and figures hold {held:N0} characters of the {limit:N0} they may hold in all, and this write would add {growth:N0}; remove figures or KPIs no longer needed, or ask the operator to raise {StaffDataOptions.Section}:{nameof(StaffDataOptions.MaxStaffCharacters)}."));
    }

    /// <summary>After the write of <paramref name="check"/> committed, with the stamp it left in the store.</summary>
    public void Committed(Check check, DateTimeOffset stamp) =>
        Volatile.Write(ref known, check.TotalAfter is { } total ? new Known(stamp, total) : null);

    /// <summary>
    /// What the store's staff rows hold, counted here as the unsaved rows are: SQL's length() counts bytes, not
    /// characters, in a PostgreSQL database of encoding SQL_ASCII (a code review), and one count cannot drift from the
    /// other. Only the texts are read.
    /// </summary>
    private static async Task<long> StoredAsync(OpenDataContext db, CancellationToken cancellationToken)
    {
        var kpis = await db.Kpis.Where(k => k.Origin == KpiOrigin.Staff).Select(KpiTexts).ToListAsync(cancellationToken);
        var figures = await db.KpiFigures.Where(f => f.Origin == KpiOrigin.Staff).Select(FigureTexts).ToListAsync(cancellationToken);
        return kpis.Concat(figures).Sum(Count);
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
        Kpi { Origin: KpiOrigin.Staff } k => Count(KpiTextsOf(k)),
        KpiFigure { Origin: KpiOrigin.Staff } f => Count(FigureTextsOf(f)),
        _ => 0,
    };

    // Code points, as the write path's length rules count.
    private static long Count(string?[] texts) => RowCharacters + texts.Sum(text => text?.EnumerateRunes().Count() ?? 0);
}
