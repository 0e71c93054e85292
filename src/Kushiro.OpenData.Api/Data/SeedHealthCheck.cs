using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// /health says Degraded when another instance has brought the shared store to another seed since this one started.
/// Code lists, theme mappings and English labels are read from each instance's own seed folder, not the store, so this
/// instance goes on serving its own seed's, while the store's Last-Modified and the changes feed say the data changed
/// (an outside review). Degraded, not Unhealthy: an orchestrator that restarted the instance would have it re-seed the
/// store to its own seed, and the two would take turns. What the store holds is as the last refresh read it
/// (<see cref="ServedSeed"/>): a probe reads nothing of its own.
/// </summary>
public sealed class SeedHealthCheck(ServedSeed served) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(served.OtherInStore is { } stored
            ? HealthCheckResult.Degraded(
                $"Another instance brought the store to seed {stored[..12]}; this server serves code lists, theme mappings and English labels from its own seed {served.Hash![..12]}. Restart it with the same seed folder (Seed:Directory).")
            : HealthCheckResult.Healthy());
}
