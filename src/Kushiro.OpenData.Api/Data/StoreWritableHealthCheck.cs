using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// /health says Degraded when this server may only read the store: reads are served, but every write is a 503 (a
/// store file restored as another user, say). It had said Healthy. Degraded, not Unhealthy, so that a load balancer
/// keeps the instance for readers.
/// </summary>
public sealed class StoreWritableHealthCheck(OpenDataContext db, ILogger<StoreWritableHealthCheck> logger) : IHealthCheck
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
            // Unhealthy, not Healthy: the store check runs beside this one and may get a connection this one did not
            // (PostgreSQL refusing new ones, a pool run dry). Said, not thrown: thrown, every probe of /health logged
            // the outage once more with a stack trace. The cause goes to the log in one line (too many connections, a
            // pool time-out and a refused connection call for different remedies).
            logger.LogWarning("Store writable check: the store did not answer ({Error})", e.GetBaseException().Message);
            return HealthCheckResult.Unhealthy("The store did not answer whether it takes writes: reads and writes that need it may be answered 503.");
        }
    }
}
