namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// One row describing what the store holds: the hash of the seed it was last synced from, the build of the
/// app that last brought it up to date, and when what the API serves last changed (served as Last-Modified).
/// A start reads SeedHash, AppBuild and LastModified before any migration runs (<see cref="Seed.SeedImporter.UpToDateAsync"/>),
/// so a migration may add columns here but must keep those three as they are.
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
    /// Moves LastModified to <paramref name="now"/> (in microseconds, what every store keeps), always forward, so each
    /// change has a later stamp than the last and readers of the stamp see every change. Headers carry it in whole
    /// seconds; it runs ahead of the clock by at most a microsecond per change within one microsecond.
    /// </summary>
    public void Touch(DateTimeOffset now)
    {
        var micro = Microseconds(now);
        LastModified = micro > LastModified ? micro : LastModified.AddTicks(10);
    }

    /// <summary>Moves LastModified to <paramref name="now"/> if that is later; nothing changed, so no later stamp is owed.</summary>
    public void MoveForwardTo(DateTimeOffset now)
    {
        if (Microseconds(now) > LastModified)
        {
            LastModified = Microseconds(now);
        }
    }

    private static DateTimeOffset Microseconds(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % 10, TimeSpan.Zero);
}
