using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// The body of /health: the status word on its first line, as ASP.NET Core's default writer gives it (probes compare
/// it), then one line for each check that is not healthy, saying what that means for clients. The default body said
/// only "Unhealthy", so an operator with curl had to find the server's log to learn what was wrong. A check's own
/// exception message is not shown: it may name the store's host, and /health is public.
/// </summary>
public static class HealthReportText
{
    // The name the store check (EF Core's, which connects to the store) is registered under.
    public const string StoreCheck = "store";

    public static HealthCheckOptions Options(Func<HealthCheckRegistration, bool>? predicate = null) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteAsync,
    };

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = new List<string> { report.Status.ToString() };
        // The other checks ask the store too: when it does not answer, their failures say nothing more.
        var storeDown = report.Entries.TryGetValue(StoreCheck, out var store) && store.Status != HealthStatus.Healthy;
        foreach (var (name, entry) in report.Entries)
        {
            if (entry.Status != HealthStatus.Healthy && (!storeDown || name == StoreCheck))
            {
                lines.Add($"{name}: {Reason(name, entry)}");
            }
        }
        return context.Response.WriteAsync(string.Join('\n', lines));
    }

    private static string Reason(string name, HealthReportEntry entry) => name switch
    {
        StoreCheck => "The store does not answer: what this server holds in memory is still served; other reads and every write are answered 503. The server's log says why.",
        // Our own checks describe themselves and throw nothing (Data/StoreWritableHealthCheck.cs).
        _ when entry.Exception is null && !string.IsNullOrEmpty(entry.Description) => entry.Description,
        _ => "Failed. The server's log says why.",
    };
}
