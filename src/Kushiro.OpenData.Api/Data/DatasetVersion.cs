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

    /// <summary>The exact time of the last change: what tells a reader (the read model) that anything changed.</summary>
    public DateTimeOffset Stamp => new(Interlocked.Read(ref lastModifiedTicks), TimeSpan.Zero);

    /// <summary>The same in whole seconds, as HTTP dates carry it: for headers, and bodies that must agree with them.</summary>
    public DateTimeOffset LastModified => WholeSeconds(Stamp);

    public static DateTimeOffset WholeSeconds(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>After a write through this instance: no need to wait for the next refresh from the store.</summary>
    public void Advance(DateTimeOffset lastModified)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref lastModifiedTicks);
        }
        while (lastModified.UtcTicks > seen && Interlocked.CompareExchange(ref lastModifiedTicks, lastModified.UtcTicks, seen) != seen);
    }

    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDataContext>();
        var state = await db.StoreStates.AsNoTracking().SingleAsync(cancellationToken);
        // Forward only: a read that began before this instance's own write committed must not move the stamp back
        // (answers cached under the older stamp would be reachable again).
        Advance(state.LastModified);
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
                // A store that is briefly unreachable must not stop the API; the health check reports it.
                logger.LogWarning(e, "Could not re-read the store's Last-Modified");
            }
        }
    }
}
