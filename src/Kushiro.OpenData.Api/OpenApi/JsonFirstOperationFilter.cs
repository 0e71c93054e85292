using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// Lists application/json first among a response's media types. Client generators type an operation by the first
/// one: with application/ld+json first, NSwag made every resource's method return the generic JSON-LD document
/// instead of the resource. JSON is the API's main representation; JSON-LD and CSV are there for those who ask.
/// </summary>
internal sealed class JsonFirstOperationFilter : IOperationFilter
{
    private const string Json = "application/json";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var response in (operation.Responses?.Values.AsEnumerable() ?? []).OfType<OpenApiResponse>())
        {
            if (response.Content is { Count: > 1 } content && content.ContainsKey(Json) && content.Keys.First() != Json)
            {
                response.Content = new Dictionary<string, IOpenApiMediaType>(content.OrderBy(c => c.Key == Json ? 0 : 1));
            }
        }
    }
}
