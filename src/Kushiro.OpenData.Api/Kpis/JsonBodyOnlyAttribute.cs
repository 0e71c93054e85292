using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// Takes a body only as the contract says, <c>application/json</c> in UTF-8. <c>[Consumes]</c> alone lets every
/// <c>+json</c> type through: <c>application/merge-patch+json</c> would be read as a whole replacement although its
/// sender means a partial update, and another charset is transcoded where the contract promises none. Those get the
/// same 415 as any other type (its detail: Http/BareProblemDetails.cs).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JsonBodyOnlyAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (!MediaTypeHeaderValue.TryParse(context.HttpContext.Request.ContentType, out var type)
            || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.Charset.HasValue && HeaderUtilities.RemoveQuotes(type.Charset) is var charset
                && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = new UnsupportedMediaTypeResult();
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
