using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// /health says Degraded when another instance has brought the shared store to another seed since this one started.
/// Code lists, theme mappings and English labels are read from each instance's own seed folder, not the store, so this
/// instance goes on serving its own seed's, while the store's Last-Modified and the changes feed say the data changed
/// (an outside review). Degraded, not Unhealthy: an orchestrator that restarted the instance would have it re-seed the
/// store to its own seed, and the two would take turns.
/// </summary>
public sealed class SeedHealthCheck(OpenDataContext db, ServedSeed served, ILogger<SeedHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string? stored;
        try
        {
            stored = await db.StoreStates.AsNoTracking().Select(s => s.SeedHash).SingleOrDefaultAsync(cancellationToken);
        }
        catch (Exception e) when (StoreErrors.IsUnreachable(e))
        {
            // Not known, and not this check's failure: the store check beside it reports the outage (and makes /health
            // Unhealthy). Said as Unhealthy here too, ASP.NET Core logged one more line for every probe while it lasted.
            return HealthCheckResult.Healthy("Not checked: the store did not answer.");
        }
        if (stored is null || served.Hash is null || stored == served.Hash)
        {
            return HealthCheckResult.Healthy();
        }
        // Once for each seed another instance brings: a probe every few seconds would repeat it.
        if (Interlocked.Exchange(ref served.LoggedOtherSeed, stored) != stored)
        {
            logger.LogWarning("Seed {Stored} is in the store, brought by another instance; this server serves seed {Served} (Seed:Directory): restart it with the same seed folder",
                stored[..12], served.Hash[..12]);
        }
        return HealthCheckResult.Degraded(
            $"Another instance brought the store to seed {stored[..12]}; this server serves code lists, theme mappings and English labels from its own seed {served.Hash[..12]}. Restart it with the same seed folder (Seed:Directory).");
    }
}
