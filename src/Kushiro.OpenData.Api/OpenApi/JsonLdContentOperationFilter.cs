using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// A JSON-LD answer is not the JSON resource with another media type: it is a document in the API's own context
/// (IMI core vocabulary, the project vocabulary, DCAT, SKOS). Describe it as such rather than reuse the JSON schema.
/// </summary>
public sealed class JsonLdContentOperationFilter : IOperationFilter
{
    private const string SchemaName = "JsonLdDocument";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var contents = (operation.Responses?.Values.AsEnumerable() ?? []).SelectMany(r => r.Content ?? new Dictionary<string, IOpenApiMediaType>())
            .Where(c => c.Key == LinkedData.JsonLdTemplates.MediaType).Select(c => c.Value).OfType<OpenApiMediaType>().ToList();
        if (contents.Count == 0)
        {
            return;
        }
        if (!context.SchemaRepository.Schemas.ContainsKey(SchemaName))
        {
            context.SchemaRepository.AddDefinition(SchemaName, new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "A JSON-LD document: \"@context\" is the API's own context (/ns/context.jsonld), which maps its terms to the IMI core vocabulary (http://imi.go.jp/ns/core/rdf#) where IMI has them and to the project vocabulary (/ns) otherwise; every \"id\" is an absolute IRI: a thing's is versionless ({base}/id/…), a list's is its URL, an area code's is e-Stat's. Every node has one: a node described only inside another's document (an ID, an alignment, a figure's period or source, an English label) is named by its owner's IRI and a fragment ({base}/id/goal/4#id), so documents merged into one graph share their nodes instead of repeating them.",
                // Any property, said as a schema: without one, openapi-typescript types the document as an object
                // with no properties at all (Record<string, never>), and a client cannot read it (a civic developer's review).
                AdditionalProperties = new OpenApiSchema(),
                Examples =
                [
                    JsonNode.Parse("""
                        {"@context": "https://opendata.example/ns/context.jsonld", "id": "https://opendata.example/id/goal/4",
                         "type": "BasicGoal", "ID": {"id": "https://opendata.example/id/goal/4#id", "type": "ID型", "識別値": "4"}, "表記": "持続可能なまちをつくる",
                         "alignedWith": ["https://opendata.example/id/scheme/national/goal-4"]}
                        """)!,
                ],
            });
        }
        foreach (var content in contents)
        {
            content.Schema = new OpenApiSchemaReference(SchemaName, context.Document);
        }
    }
}
