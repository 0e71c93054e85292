using System.Collections.Concurrent;
using System.Globalization;
using Kushiro.OpenData.Api.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// The change stamps the output cache holds answers under, each its own tag, so that when the stamp moves only the
/// answers of earlier stamps are dropped: one tag for all would also drop those kept since under the new stamp.
/// </summary>
public sealed class OutputCacheStamps(TimeProvider time)
{
    // A request names its stamp when it starts and its answer is kept when it ends, so an answer can be kept under a
    // stamp whose tag was already evicted: each earlier stamp's tag is evicted again on every round for this long.
    private static readonly TimeSpan LongestRequest = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<long, byte> held = new();
    private readonly ConcurrentDictionary<long, DateTimeOffset> earlier = new();

    /// <summary>The tag of answers kept under this stamp.</summary>
    public string Tag(DateTimeOffset stamp)
    {
        held.TryAdd(stamp.UtcTicks, 0);
        return TagOf(stamp.UtcTicks);
    }

    /// <summary>The tags to evict now: those of the stamps before this one (stamps only move forward).</summary>
    public IReadOnlyList<string> EarlierThan(DateTimeOffset current)
    {
        var now = time.GetUtcNow();
        foreach (var ticks in held.Keys)
        {
            if (ticks < current.UtcTicks && held.TryRemove(ticks, out _))
            {
                earlier.TryAdd(ticks, now);
            }
        }
        var tags = new List<string>();
        foreach (var (ticks, since) in earlier)
        {
            tags.Add(TagOf(ticks));
            if (now - since > LongestRequest)
            {
                earlier.TryRemove(ticks, out _);
            }
        }
        return tags;
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
            foreach (var tag in stamps.EarlierThan(dataset.Stamp))
            {
                await store.EvictByTagAsync(tag, stoppingToken);
            }
        }
    }
}
