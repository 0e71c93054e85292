using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// Gives every component schema a whole example, composed from its properties' own examples (which come
/// from the XML docs), so each response has a complete sample without a second, hand-kept copy of it.
/// </summary>
internal sealed class SchemaExamplesDocumentFilter : IDocumentFilter
{
    // Deep enough for page → item → links; stops the municipality → prefecture recursion.
    private const int MaxDepth = 4;

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var composed = schemas
            .Where(s => s.Value is OpenApiSchema concrete && Example(concrete) is null)
            .Select(s => (Schema: (OpenApiSchema)s.Value, Example: Compose(s.Value, schemas, 0)))
            .ToList();
        foreach (var (schema, example) in composed.Where(c => c.Example is not null))
        {
            schema.Examples = [example!];
        }
    }

    // Swashbuckle fills the single OpenAPI 3.0 example from XML docs; our filters fill the newer list.
#pragma warning disable CS0618
    private static JsonNode? Example(IOpenApiSchema schema) => schema.Examples is [var first, ..] ? first : schema.Example;
#pragma warning restore CS0618

    private static JsonNode? Compose(IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> schemas, int depth)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            return reference.Reference.Id is { } id && schemas.TryGetValue(id, out var target) ? Compose(target, schemas, depth) : null;
        }
        if (Example(schema) is { } example)
        {
            return example.DeepClone();
        }
        if (depth > MaxDepth)
        {
            return null;
        }
        if (schema.AllOf is [var only])
        {
            return Compose(only, schemas, depth);
        }
        if (schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is { } items)
        {
            return Compose(items, schemas, depth + 1) is { } item ? new JsonArray(item) : new JsonArray();
        }
        if (schema.Properties is { Count: > 0 } properties)
        {
            var result = new JsonObject();
            foreach (var (name, property) in properties)
            {
                result[name] = Compose(property, schemas, depth + 1);
            }
            return result;
        }
        return null;
    }
}
