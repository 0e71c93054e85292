using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// Gives every component schema a whole example: a real answer where one is kept (<see cref="RealAnswerExamples"/>,
/// for the lists and the KPI, whose parts must agree with each other), else one composed from its properties' own
/// examples (which come from the XML docs).
/// </summary>
internal sealed class SchemaExamplesDocumentFilter : IDocumentFilter
{
    // Deep enough for goal → KPIs → KPI → targets → target → source; a guard should a schema ever refer to itself.
    private const int MaxDepth = 7;

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        // Real answers first: a schema composed below that refers to one of them shows it whole.
        foreach (var (name, _, answer) in RealAnswerExamples.All)
        {
            if (schemas.TryGetValue(name, out var shown) && shown is OpenApiSchema concrete)
            {
                concrete.Examples = [answer.DeepClone()];
            }
        }
        var composed = schemas
            .Where(s => s.Value is OpenApiSchema concrete && Example(concrete) is null)
            .Select(s => (Name: s.Key, Schema: (OpenApiSchema)s.Value, Example: Compose(s.Value, schemas, 0)))
            .ToList();
        foreach (var (name, schema, example) in composed.Where(c => c.Example is not null))
        {
            schema.Examples = [example!];
            if (example is JsonObject page && OneItemLists.TryGetValue(name, out var list))
            {
                DescribeTheOnlyPage(page, list);
            }
        }
    }

    // Lists without a real answer as their example (the changes feed's answers depend on when the store was made):
    // their composed example is a list of the one item shown, on the only page.
    private static readonly Dictionary<string, string> OneItemLists = new()
    {
        ["ChangeResourcePage"] = "/api/v1/changes",
    };

    private static void DescribeTheOnlyPage(JsonObject page, string list)
    {
        var only = $"{list}?limit=10&offset=0";
        page["total"] = 1;
        page["limit"] = 10;
        page["offset"] = 0;
        page["links"] = new JsonObject { ["self"] = only, ["first"] = only, ["prev"] = null, ["next"] = null, ["last"] = only };
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
        if (schema.OneOf is { Count: > 0 } branches)
        {
            // "The object, or null" (NullableReferenceSchemaFilter): the example shows the object.
            return branches.Select(b => Compose(b, schemas, depth)).FirstOrDefault(e => e is not null);
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
