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
    // Deep enough for goal → KPIs → KPI → targets → target → source; a guard should a schema ever refer to itself.
    private const int MaxDepth = 7;

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var composed = schemas
            .Where(s => s.Value is OpenApiSchema concrete && Example(concrete) is null)
            .Select(s => (Name: s.Key, Schema: (OpenApiSchema)s.Value, Example: Compose(s.Value, schemas, 0)))
            .ToList();
        foreach (var (name, schema, example) in composed.Where(c => c.Example is not null))
        {
            schema.Examples = [example!];
            if (example is JsonObject page && page["items"] is JsonArray { Count: 1 } items && items[0] is JsonObject item)
            {
                if (OneItemLists.TryGetValue(name, out var list))
                {
                    DescribeTheLastPage(page, list, total: 1);
                }
                else if (ListOf(item) is { } named && ListSizes.TryGetValue(named, out var total))
                {
                    DescribeTheLastPage(page, named, total);
                }
            }
        }
    }

    // One list page's example must hang together: its paging fields and links are those of the last page of
    // the list its item belongs to, ten at a time (how many the list holds is the document's own count).
    private static readonly Dictionary<string, int> ListSizes = new()
    {
        [Strategy.ApiLinks.Goals] = 4,
        [Strategy.ApiLinks.Measures] = 17,
        [Strategy.ApiLinks.SubMeasures] = 47,
    };

    // Lists whose size the document does not give, or whose items link elsewhere (a search result to what it found):
    // their example is a list of the one item shown. Without it, they showed the sub-measures' links and total.
    private static readonly Dictionary<string, string> OneItemLists = new()
    {
        ["ChangeResourcePage"] = "/api/v1/changes",
        ["KpiFigureResourcePage"] = "/api/v1/kpis/population-outlook/observations",
        ["KpiResourcePage"] = "/api/v1/kpis",
        ["SearchResultResourcePage"] = "/api/v1/search?q=%E5%AD%90%E8%82%B2%E3%81%A6",
        ["ThemeSchemeSummaryPage"] = "/api/v1/themes",
    };

    private static string? ListOf(JsonObject item) =>
        (string?)item["links"]?["self"] is { } self ? self[..self.LastIndexOf('/')] : null;

    private static void DescribeTheLastPage(JsonObject page, string list, int total)
    {
        const int limit = 10;
        var offset = (total - 1) / limit * limit;
        string At(int o) => $"{list}{(list.Contains('?') ? '&' : '?')}limit={limit}&offset={o}";
        page["total"] = total;
        page["limit"] = limit;
        page["offset"] = offset;
        page["links"] = new JsonObject
        {
            ["self"] = At(offset),
            ["first"] = At(0),
            ["prev"] = offset == 0 ? null : At(offset - limit),
            ["next"] = null,
            ["last"] = At(offset),
        };
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
