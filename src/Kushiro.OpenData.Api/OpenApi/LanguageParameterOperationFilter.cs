using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Labels;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// Every GET takes <c>?lang=</c> (as Accept-Language): handled once for the whole API by <see cref="LanguageScope"/>
/// and the request contract check, so it is documented once here rather than declared on each action.
/// </summary>
internal sealed class LanguageParameterOperationFilter : IOperationFilter
{
    // One named schema, not an enum inlined in every operation: generators made a type of each (Lang, Lang2 … Lang21).
    private const string SchemaName = "Language";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.HttpMethod != HttpMethods.Get)
        {
            return;
        }
        if (!context.SchemaRepository.Schemas.ContainsKey(SchemaName))
        {
            context.SchemaRepository.AddDefinition(SchemaName, new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [JsonValue.Create("ja"), JsonValue.Create("en")],
                Description = "Language of an answer: ja, the source's Japanese (the default), or en, which adds this project's English.",
                Examples = [JsonValue.Create("en")],
            });
        }
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = LanguageScope.Parameter,
            In = ParameterLocation.Query,
            Description = "en adds English (this project's translation) to goals, measures and sub-measures as \"en\"; ja (the default) serves the source's Japanese only in JSON (CSV and JSON-LD carry what English there is, always). Accept-Language: en does the same; lang wins over it.",
            Schema = new OpenApiSchemaReference(SchemaName, context.Document),
            Example = JsonValue.Create("en"),
        });
    }
}
