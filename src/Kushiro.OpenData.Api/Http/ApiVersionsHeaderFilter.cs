using Asp.Versioning;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// Writes <c>api-supported-versions</c> before anything else in MVC can answer. Asp.Versioning writes it only as the
/// response starts, after the output cache has taken the headers it keeps, so every answer served from the cache went
/// without it; and its filter runs with the action's, so the 406s and 400s that other filters answer first went
/// without it too. Its own filter still runs and finds the header written (the reporter does not write a header
/// twice). With a sunset or deprecation policy, which this API does not have, the reporter's Link headers would need
/// the same check.
/// </summary>
public sealed class ApiVersionsHeaderFilter(IReportApiVersions reporter) : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ApiVersionMetadata>() is { } metadata)
        {
            reporter.Report(context.HttpContext.Response, metadata.Map(reporter.Mapping));
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
