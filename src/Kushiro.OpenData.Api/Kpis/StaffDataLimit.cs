using System.Globalization;
using Kushiro.OpenData.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Options;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// How much staff may write in all: <c>Kpis:MaxStaffCharacters</c>, counted over every staff KPI and staff figure as
/// the characters of its texts plus <see cref="StaffDataLimit.RowCharacters"/> for the row. Anonymous answers carry
/// staff data (the KPI list, its CSV, the exports, GraphQL), so without a bound a key holder's tool run wild (or a
/// leaked key) made each of them as large: 200 KPIs of 1,000 long-noted figures gave a list page of about 2 GB.
/// A value out of range stops the start with a message naming the setting.
/// </summary>
public sealed class StaffDataOptions
{
    public const string Section = "Kpis";

    /// <summary>About 12 MB of JSON in Japanese text: a city's KPIs with yearly figures and notes hold a few per cent of it.</summary>
    public const int DefaultMaxCharacters = 4_000_000;

    public int MaxStaffCharacters { get; set; } = DefaultMaxCharacters;

    internal static void Register(IServiceCollection services) =>
        services.AddOptions<StaffDataOptions>()
            .BindConfiguration(Section)
            .Validate(o => o.MaxStaffCharacters > 0, $"{Section}:{nameof(MaxStaffCharacters)} must be a whole number of characters above 0.")
            .ValidateOnStart();
}

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

    /// <summary>What the store's staff rows hold, as the unsaved rows are counted (SQL's length counts characters too).</summary>
    public static async Task<long> StoredAsync(OpenDataContext db, CancellationToken cancellationToken)
    {
        var kpis = await db.Kpis.Where(k => k.Origin == KpiOrigin.Staff)
            .SumAsync(k => (long)RowCharacters + k.Name.Length + k.Definition.Length + k.Unit.Length
                + (k.StatisticsName ?? "").Length + (k.StatisticsCode ?? "").Length, cancellationToken);
        var figures = await db.KpiFigures.Where(f => f.Origin == KpiOrigin.Staff)
            .SumAsync(f => (long)RowCharacters + f.Period.Length + (f.Note ?? "").Length + f.SourceTitle.Length
                + (f.SourceUrl ?? "").Length + (f.SourcePage ?? "").Length, cancellationToken);
        return kpis + figures;
    }

    private static long Growth(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => Size(entry.Metadata.ClrType, entry.CurrentValues),
        EntityState.Modified => Size(entry.Metadata.ClrType, entry.CurrentValues) - Size(entry.Metadata.ClrType, entry.OriginalValues),
        EntityState.Deleted => -Size(entry.Metadata.ClrType, entry.OriginalValues),
        _ => 0,
    };

    /// <summary>A staff KPI's or figure's count; 0 for any other row (the seed's are bounded by the seed).</summary>
    private static long Size(Type type, PropertyValues row)
    {
        string[] texts = type == typeof(Kpi)
            ? [nameof(Kpi.Name), nameof(Kpi.Definition), nameof(Kpi.Unit), nameof(Kpi.StatisticsName), nameof(Kpi.StatisticsCode)]
            : type == typeof(KpiFigure)
                ? [nameof(KpiFigure.Period), nameof(KpiFigure.Note), nameof(KpiFigure.SourceTitle), nameof(KpiFigure.SourceUrl), nameof(KpiFigure.SourcePage)]
                : [];
        if (texts.Length == 0 || row[nameof(Kpi.Origin)] as string != KpiOrigin.Staff)
        {
            return 0;
        }
        // Code points, as SQL's length() and the write path's length rules count.
        return RowCharacters + texts.Sum(name => row[name] is string text ? text.EnumerateRunes().Count() : 0);
    }
}
