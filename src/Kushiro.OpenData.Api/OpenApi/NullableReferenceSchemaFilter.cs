using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// A nullable property of an object type comes out as <c>allOf: [$ref], nullable: true</c>; OpenAPI 3.0 ignores
/// <c>nullable</c> without a <c>type</c>, so validators and generators would treat it as never null. Say "object".
/// </summary>
public sealed class NullableReferenceSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        foreach (var property in schema.Properties?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (property.AllOf is { Count: > 0 } && property.Type is null or JsonSchemaType.Null)
            {
                property.Type = property.Type == JsonSchemaType.Null ? JsonSchemaType.Object | JsonSchemaType.Null : JsonSchemaType.Object;
            }
        }
    }
}
