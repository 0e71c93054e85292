using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// Takes a body only as the contract says (<see cref="JsonRequestBody"/>). <c>[Consumes]</c> alone lets every
/// <c>+json</c> type through: <c>application/merge-patch+json</c> would be read as a whole replacement although its
/// sender means a partial update, and another charset is transcoded where the contract promises none. Those get the
/// same 415 as any other type (its detail: Http/BareProblemDetails.cs). So does a body in a content coding (gzip), which
/// is not decoded (Http/JsonRequestBody.cs).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JsonBodyOnlyAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var request = context.HttpContext.Request;
        var problems = context.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Mvc.Infrastructure.ProblemDetailsFactory>();
        if (JsonRequestBody.ContentCoding(request) is { } coding)
        {
            context.HttpContext.Response.Headers.AcceptEncoding = JsonRequestBody.AcceptedCodings;
            context.Result = new ProblemResult(problems.CreateProblemDetails(context.HttpContext, StatusCodes.Status415UnsupportedMediaType,
                detail: JsonRequestBody.UncodedOnly(coding)));
        }
        else if (!JsonRequestBody.IsDeclared(request))
        {
            // A problem of our own, not MVC's UnsupportedMediaTypeResult: that one goes through content negotiation and
            // came out as "application/problem+json; charset=utf-8", unlike every other problem.
            context.Result = new ProblemResult(problems.CreateProblemDetails(context.HttpContext, StatusCodes.Status415UnsupportedMediaType));
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
