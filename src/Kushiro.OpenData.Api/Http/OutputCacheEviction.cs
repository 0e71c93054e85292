using System.Collections.Concurrent;
using System.Globalization;
using Kushiro.OpenData.Api.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// The change stamps the output cache holds answers under, each its own tag, so that when the stamp moves only the
/// answers of earlier stamps are dropped: one tag for all would also drop those kept since under the new stamp.
/// </summary>
public sealed class OutputCacheStamps
{
    private readonly ConcurrentDictionary<long, byte> held = new();

    /// <summary>The tag of answers kept under this stamp.</summary>
    public string Tag(DateTimeOffset stamp)
    {
        held.TryAdd(stamp.UtcTicks, 0);
        return TagOf(stamp.UtcTicks);
    }

    /// <summary>Forgets the stamps before this one and returns their tags. (Stamps only move forward.)</summary>
    public IReadOnlyList<string> TakeEarlierThan(DateTimeOffset current)
    {
        var earlier = new List<string>();
        foreach (var ticks in held.Keys)
        {
            if (ticks < current.UtcTicks && held.TryRemove(ticks, out _))
            {
                earlier.Add(TagOf(ticks));
            }
        }
        return earlier;
    }

    private static string TagOf(long ticks) => "stamp:" + ticks.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Drops the cached answers of earlier data once the dataset's stamp has moved (they can no longer be hit), within
/// a second of a write or of a change seen from another instance.
/// </summary>
public sealed class OutputCacheEviction(DatasetVersion dataset, OutputCacheStamps stamps, IOutputCacheStore store) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var tag in stamps.TakeEarlierThan(dataset.Stamp))
            {
                await store.EvictByTagAsync(tag, stoppingToken);
            }
        }
    }
}
