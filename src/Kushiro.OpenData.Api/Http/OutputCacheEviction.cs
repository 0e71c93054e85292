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
    private volatile KeyPrefixOfStamp? latest;

    /// <summary>
    /// The cache key prefix of answers kept under this stamp: its ticks. Every cacheable request asks, and the stamp
    /// changes only with the data, so the latest one's text is kept rather than formatted for each request.
    /// </summary>
    public string KeyPrefix(DateTimeOffset stamp)
    {
        if (latest is { } last && last.Ticks == stamp.UtcTicks)
        {
            return last.Prefix;
        }
        held.TryAdd(stamp.UtcTicks, 0);
        var prefix = stamp.UtcTicks.ToString(CultureInfo.InvariantCulture);
        latest = new KeyPrefixOfStamp(stamp.UtcTicks, prefix);
        return prefix;
    }

    /// <summary>The tag of answers kept under the stamp this key prefix names (asked only when an answer is kept).</summary>
    public static string Tag(string keyPrefix) => "stamp:" + keyPrefix;

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
            tags.Add(Tag(ticks.ToString(CultureInfo.InvariantCulture)));
            if (now - since > LongestRequest)
            {
                earlier.TryRemove(ticks, out _);
            }
        }
        return tags;
    }

    private sealed record KeyPrefixOfStamp(long Ticks, string Prefix);
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
