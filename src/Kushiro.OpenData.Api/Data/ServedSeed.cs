namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// The seed this server read at start, from which it serves what the store does not hold (code lists, theme mappings,
/// English labels), and the seed the store was last seen to hold. The store's state row is read every few seconds
/// anyway (<see cref="DatasetVersion.RefreshAsync"/>), so a seed another instance brought shows here without a read
/// of its own; /health reports it (<see cref="SeedHealthCheck"/>).
/// </summary>
public sealed class ServedSeed(ILogger<ServedSeed> logger)
{
    private string? inStore;

    public string? Hash { get; set; }

    /// <summary>The store's seed, when it is not the one this server serves; else null.</summary>
    public string? OtherInStore => Volatile.Read(ref inStore) is { } stored && Hash is { } served && stored != served ? stored : null;

    /// <summary>After a read of the store's state row: logs once each time the store turns to a seed not this server's.</summary>
    public void StoreHolds(string seedHash)
    {
        var before = Interlocked.Exchange(ref inStore, seedHash);
        if (before != seedHash && OtherInStore is { } other)
        {
            logger.LogWarning("Seed {Stored} is in the store, brought by another instance; this server serves seed {Served} (Seed:Directory): restart it with the same seed folder",
                other[..12], Hash![..12]);
        }
    }
}
