using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// Takes a body only as the contract says (<see cref="JsonRequestBody"/>). <c>[Consumes]</c> alone lets every
/// <c>+json</c> type through: <c>application/merge-patch+json</c> would be read as a whole replacement although its
/// sender means a partial update, and another charset is transcoded where the contract promises none. Those get the
/// same 415 as any other type (its detail: Http/BareProblemDetails.cs).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JsonBodyOnlyAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (!JsonRequestBody.IsDeclared(context.HttpContext.Request))
        {
            context.Result = new UnsupportedMediaTypeResult();
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
