using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// /health says Degraded when this server may only read the store: reads are served, but every write is a 503 (a
/// store file restored as another user, say). It had said Healthy. Degraded, not Unhealthy, so that a load balancer
/// keeps the instance for readers.
/// </summary>
public sealed class StoreWritableHealthCheck(OpenDataContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.IsReadOnlyAsync(cancellationToken)
            ? HealthCheckResult.Degraded("The store is read-only to this server: writes are answered 503. Check ConnectionStrings:Store and the store's permissions.")
            : HealthCheckResult.Healthy();
}
