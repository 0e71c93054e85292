using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// Writes a property that refers to another schema so that client generators use that schema's type, and so that
/// "or null" holds under OpenAPI 3.0.3's strict reading too. Swashbuckle writes <c>allOf: [$ref]</c> (to keep the
/// property's description beside the reference), with <c>nullable</c> when it may be null:
/// <list type="bullet">
/// <item>A property that is never null keeps <c>allOf: [$ref]</c> and no <c>type</c> of its own: with
/// <c>type: object</c> beside it, NSwag made a subclass per property (Links1 … Links17) and Kiota a wrapper type.</item>
/// <item>A property that may be null becomes <c>oneOf: [$ref, {type: object, nullable: true, enum: [null]}]</c>.
/// 3.0.3 lets <c>nullable</c> widen only a sibling <c>type</c> and still applies <c>allOf</c> to null, so
/// <c>allOf</c> with <c>nullable</c> says "never null" to a strict validator; this form says "the object or null" to
/// validators (ajv), linters (Redocly) and generators (NSwag and Kiota type it as the referenced class, nullable).</item>
/// </list>
/// </summary>
public sealed class NullableReferenceSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        foreach (var property in schema.Properties?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (property.AllOf is not [OpenApiSchemaReference reference] || property.Properties is { Count: > 0 })
            {
                continue;
            }
            if (property.Type is { } type && type.HasFlag(JsonSchemaType.Null))
            {
                property.AllOf = null;
                property.Type = null;
                property.OneOf = [reference, new OpenApiSchema { Type = JsonSchemaType.Object | JsonSchemaType.Null, Enum = [null!] }];
            }
        }
    }
}
