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
    /// Moves Last-Modified to <paramref name="now"/> in whole seconds, as HTTP dates carry it, and never back. Two
    /// changes within one second share it (HTTP dates cannot tell them apart; ETags can), and it never runs ahead
    /// of the clock, which RFC 9110 forbids and which would make "changes since Last-Modified" skip entries.
    /// </summary>
    public void Touch(DateTimeOffset now)
    {
        var seconds = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        if (seconds > LastModified)
        {
            LastModified = seconds;
        }
    }
}
