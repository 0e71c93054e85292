using Microsoft.AspNetCore.Mvc.Filters;

namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// On an action (or a controller whose actions all do) that reads the store, not only the in-memory read model: after
/// each GET, the store's Last-Modified is read again (<see cref="DatasetVersion.RefreshAsync"/>). On a store shared
/// by several instances, a read here can meet another instance's write before this instance's periodic refresh has: a
/// KPI created there was served here from the store while lists, GraphQL and JSON-LD (the read model) did not have it
/// yet, all under the old Last-Modified, and its JSON-LD was a 500. Read after the answer's own reads, the store's
/// date is at least as new as the data in it, so the read model follows at once, and the answer is sent without a date
/// (<see cref="Http.ConditionalGetMiddleware"/> sees the date move while it was made).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ReadsTheStoreAttribute : Attribute, IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        var http = context.HttpContext;
        if (executed.Exception is null && HttpMethods.IsGet(http.Request.Method))
        {
            // One small read (the store's state row); a repeat of the answer comes from the output cache, which does
            // not run this.
            var services = http.RequestServices;
            try
            {
                await services.GetRequiredService<DatasetVersion>().RefreshAsync(services, http.RequestAborted);
            }
            catch (Exception e) when (StoreErrors.IsUnreachable(e))
            {
                // The answer is made: it goes out with the date read before it, as it would have without this check.
                // (Actions that serve the read model alone are not marked: they go on, at full speed, while a
                // PostgreSQL store is down or hangs.)
                services.GetRequiredService<ILogger<ReadsTheStoreAttribute>>().LogWarning(
                    "Store not answering: {Method} {Path} answered without checking the store's date ({Error})",
                    http.Request.Method, http.Request.Path, e.GetBaseException().Message);
            }
        }
    }
}
