using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// /health says Degraded when this server may only read the store: reads are served, but every write is a 503 (a
/// store file restored as another user, say). It had said Healthy. Degraded, not Unhealthy, so that a load balancer
/// keeps the instance for readers.
/// </summary>
public sealed class StoreWritableHealthCheck(OpenDataContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.IsReadOnlyAsync(cancellationToken)
                ? HealthCheckResult.Degraded("The store is read-only to this server: writes are answered 503. Check ConnectionStrings:Store and the store's permissions.")
                : HealthCheckResult.Healthy();
        }
        catch (Exception e) when (StoreErrors.IsUnreachable(e))
        {
            // The store check (EF Core's) reports a store that does not answer; thrown here, the same outage was
            // logged a second time, as an error with a stack trace, on every probe of /health.
            return HealthCheckResult.Healthy("Not known while the store does not answer.");
        }
    }
}
