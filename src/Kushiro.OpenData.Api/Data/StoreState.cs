namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// One row describing what the store holds: the hash of the seed it was last synced from, the build of the
/// app that last brought it up to date, and when what the API serves last changed (served as Last-Modified).
/// </summary>
public sealed class StoreState
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public required string SeedHash { get; set; }

    /// <summary>A new build may serve the same data differently (a new field), so Last-Modified moves with it.</summary>
    public string AppBuild { get; set; } = "";
    public DateTimeOffset LastModified { get; set; }

    /// <summary>
    /// Moves Last-Modified to <paramref name="now"/>, in whole seconds as HTTP dates carry it, and always forward by
    /// at least a second: two changes within one second must still differ to a client revalidating by date.
    /// </summary>
    public void Touch(DateTimeOffset now)
    {
        var seconds = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        LastModified = seconds > LastModified ? seconds : LastModified.AddSeconds(1);
    }
}
