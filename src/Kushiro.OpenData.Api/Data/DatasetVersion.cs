using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// When what the API serves last changed, kept in memory so every response can carry Last-Modified without a
/// store read. Set at start from the seed import's read of the store, then re-read every few seconds
/// (<see cref="DatasetVersionRefresher"/>), so a change made through another instance on a shared store shows here too.
/// </summary>
public sealed class DatasetVersion
{
    private long lastModifiedTicks = DateTimeOffset.UnixEpoch.UtcTicks;
    private long knownCompleteTicks = DateTimeOffset.UnixEpoch.UtcTicks;
    private readonly Lock readLock = new();
    private Task? reading;

    /// <summary>The exact time of the last change: what tells a reader (the read model) that anything changed.</summary>
    public DateTimeOffset Stamp => new(Interlocked.Read(ref lastModifiedTicks), TimeSpan.Zero);

    /// <summary>The same in whole seconds, as HTTP dates carry it: for headers, and bodies that must agree with them.</summary>
    public DateTimeOffset LastModified => WholeSeconds(Stamp);

    public static DateTimeOffset WholeSeconds(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>After a write through this instance: no need to wait for the next refresh from the store.</summary>
    public void Advance(DateTimeOffset lastModified) => MoveForward(ref lastModifiedTicks, lastModified.UtcTicks);

    // Forward only, against other threads moving it too: a later time is never replaced by an earlier one.
    private static void MoveForward(ref long ticks, long to)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref ticks);
        }
        while (to > seen && Interlocked.CompareExchange(ref ticks, to, seen) != seen);
    }

    /// <summary>
    /// After a read of the store's Last-Modified that began at <paramref name="readBegan"/>: every write committed
    /// before then is known here.
    /// </summary>
    public void Observed(DateTimeOffset lastModified, DateTimeOffset readBegan)
    {
        // The stamp first: a reader that sees the new point in time must also see what was read at it.
        Advance(lastModified);
        MoveForward(ref knownCompleteTicks, readBegan.UtcTicks);
    }

    /// <summary>
    /// The Last-Modified an answer may carry as a validator, or null for the ETag alone: only once a read of the store
    /// that began after the date's second ended has been seen. Every write committed after that read carries a later
    /// second (<see cref="CommitStamp"/>), so a client told "not modified" for the date holds the bytes of every write
    /// dated within it, whichever instance wrote it and however long its commit took.
    /// </summary>
    public DateTimeOffset? ValidatorDate()
    {
        // In this order: the stamp read after the point in time is at least as new as what was read at that point.
        var knownComplete = Interlocked.Read(ref knownCompleteTicks);
        var modified = LastModified;
        return modified.UtcTicks + TimeSpan.TicksPerSecond <= knownComplete ? modified : null;
    }

    /// <summary>
    /// <see cref="ValidatorDate()"/> for an answer begun <paramref name="now"/>, reading the store again first when the
    /// date's second is over and no read since has been seen: right after a change, the answers waiting share one read.
    /// Null while the second lasts, and when the store cannot be read (the timer's refresh logs that).
    /// </summary>
    public async ValueTask<DateTimeOffset?> ValidatorDateAsync(IServiceProvider services, DateTimeOffset now)
    {
        // Twice at most: a read already under way may have begun within the second.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (ValidatorDate() is { } date)
            {
                return date;
            }
            if (WholeSeconds(now) <= LastModified)
            {
                return null;
            }
            Task read;
            lock (readLock)
            {
                // Another answer's read may have ended while this one waited for the lock.
                if (ValidatorDate() is { } meanwhile)
                {
                    return meanwhile;
                }
                // On the thread pool: SQLite's "async" read runs synchronously, and would run inside the lock. The
                // read has a scope of its own (RefreshAsync makes it), as another answer may wait for it too.
                read = reading is { IsCompleted: false } underWay ? underWay : reading = Task.Run(() => RefreshAsync(services, CancellationToken.None));
            }
            try
            {
                await read;
            }
            catch (Exception)
            {
                return null;
            }
        }
        return ValidatorDate();
    }

    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDataContext>();
        var began = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var state = await db.StoreStates.AsNoTracking().SingleAsync(cancellationToken);
        // The same row says which seed the store holds: another instance's shows in /health without a read of its own.
        services.GetRequiredService<ServedSeed>().StoreHolds(state.SeedHash);
        // Forward only: a read that began before this instance's own write committed must not move the stamp back
        // (answers cached under the older stamp would be reachable again).
        Observed(state.LastModified, began);
    }
}

/// <summary>Re-reads <see cref="DatasetVersion"/> from the store every <c>Store:RefreshSeconds</c> (<see cref="StoreRefreshOptions"/>).</summary>
public sealed class DatasetVersionRefresher(
    IServiceProvider services, DatasetVersion version, IOptions<StoreRefreshOptions> options, ILogger<DatasetVersionRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await version.RefreshAsync(services, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A store that is briefly unreachable must not stop the API; the health check reports it. That case
                // gets one line every few seconds, without a stack trace; anything else gets its stack trace.
                logger.LogWarning(StoreErrors.IsUnreachable(e) ? null : e, "Could not re-read the store's Last-Modified: {Error}", e.GetBaseException().Message);
            }
        }
    }
}
