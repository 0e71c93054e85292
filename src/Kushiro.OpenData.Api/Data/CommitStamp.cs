using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// Keeps a write's Last-Modified no earlier than the second its commit became visible in. A write takes its stamp
/// (the second after it, <see cref="StoreState.Touch"/>) before its statements and again after them
/// (<see cref="StoreState.KeepAfter"/>), in the same commit; a commit that itself ends in a later second than
/// that would leave a gap in which a reader, seeing the second over and the write not yet there, dates the older
/// bytes with that second, and a client revalidating by date would then be told "not modified" for ever. So such a
/// write moves the stamp once more, to a time after its commit (<see cref="DatasetVersion.ValidatorDate"/> relies on
/// it). Between that commit and this second one, a reader may still date the new bytes, or a precondition pass, by
/// the stamp's second: only for commits that take over a second.
/// </summary>
public static class CommitStamp
{
    /// <summary>
    /// Saves a write's statements; if they ran into a later second (they waited for a lock, or for a slow disk), stamps
    /// the write again after them, in the same transaction: a reader or an If-Unmodified-Since meeting it after its
    /// commit never finds it under a second already given out for older bytes. Call before the commit.
    /// </summary>
    public static async Task SaveStampedAfterStatementsAsync(OpenDataContext db, StoreState state, bool changed, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        if (changed && state.KeepAfter(time.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Call right after the commit of a write that moved <paramref name="state"/>'s stamp.</summary>
    /// <returns>The stamp as it now stands.</returns>
    public static async Task<DateTimeOffset> KeepAfterCommitAsync(OpenDataContext db, StoreState state, TimeProvider time, ILogger logger)
    {
        var committed = time.GetUtcNow();
        if (DatasetVersion.WholeSeconds(committed) <= state.LastModified)
        {
            return state.LastModified;
        }
        var stamped = state.LastModified;
        try
        {
            // Not cancelled: the write is saved, and its client gets its answer whether or not this succeeds.
            await using var write = await db.BeginWriteAsync(CancellationToken.None);
            await db.Entry(state).ReloadAsync(CancellationToken.None);
            state.MoveForwardTo(committed);
            await db.SaveChangesAsync(CancellationToken.None);
            await write.CommitAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A write's commit ended after the second of its stamp and the stamp could not be moved past it; " +
                "a client revalidating by date within that second may keep older bytes until the next write");
            return stamped;
        }
        return state.LastModified;
    }
}
