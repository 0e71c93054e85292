using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// A repeatable query parameter (<c>theme</c>) is an array; its XML-doc example is one value. Wrap it, so the
/// example is valid for the parameter's schema (validators and client generators check).
/// </summary>
internal sealed class ArrayParameterExampleOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Schema?.Type?.HasFlag(JsonSchemaType.Array) == true && parameter.Example is JsonValue single)
            {
                parameter.Example = new JsonArray(single.DeepClone());
            }
        }
    }
}
