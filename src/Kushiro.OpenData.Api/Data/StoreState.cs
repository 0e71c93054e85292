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
    /// Moves LastModified to the start of the second after <paramref name="now"/>, always forward (by a microsecond,
    /// what every store keeps, when that is not later), so each change has a later stamp than the last and readers of
    /// the stamp see every change. The next second, not this one: the write commits after it takes its stamp, and a
    /// reader may meanwhile date the older bytes with the current second once it is over; a commit that ends within a
    /// second of its stamp therefore always carries a later date than any such reader gave (a slower one is restamped,
    /// <see cref="CommitStamp"/>). Headers carry it only once that second is over (DatasetVersion.ValidatorDate).
    /// </summary>
    public void Touch(DateTimeOffset now)
    {
        if (!KeepAfter(now))
        {
            LastModified = LastModified.AddTicks(10);
        }
    }

    /// <summary>
    /// Moves LastModified on to the start of the second after <paramref name="now"/> if that is later, as <see cref="Touch"/>
    /// does, for a write whose statements took that long (they waited for a lock, or for a slow disk): stamped before
    /// them, its commit would carry a second that readers had already been given for older bytes. True if it moved.
    /// </summary>
    public bool KeepAfter(DateTimeOffset now)
    {
        var next = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond + TimeSpan.TicksPerSecond, TimeSpan.Zero);
        if (next <= LastModified)
        {
            return false;
        }
        LastModified = next;
        return true;
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
