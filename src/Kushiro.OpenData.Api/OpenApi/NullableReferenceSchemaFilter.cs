using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// A nullable property that refers to another schema comes out as <c>allOf</c> plus <c>nullable</c> with no
/// <c>type</c>, which OpenAPI 3.0 does not define; naming the type makes it valid for linters and generators.
/// </summary>
internal sealed class NullableReferenceSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        foreach (var property in schema.Properties?.Values ?? [])
        {
            if (property is OpenApiSchema { AllOf.Count: > 0 } concrete && concrete.Type is { } type && type.HasFlag(JsonSchemaType.Null))
            {
                concrete.Type = type | JsonSchemaType.Object;
            }
        }
    }
}
