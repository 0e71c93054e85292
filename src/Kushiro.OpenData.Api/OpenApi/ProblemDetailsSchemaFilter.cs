using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>Describes the framework's problem details types (RFC 9457), which carry no XML docs of ours.</summary>
internal sealed class ProblemDetailsSchemaFilter : ISchemaFilter
{
    private static readonly Dictionary<string, (string Description, JsonNode Example)> Properties = new()
    {
        ["type"] = ("URI identifying the kind of problem.", JsonValue.Create("https://tools.ietf.org/html/rfc9110#section-15.5.5")),
        ["title"] = ("Short summary of the kind of problem.", JsonValue.Create("Goal not found")),
        ["status"] = ("The HTTP status code.", JsonValue.Create(404)),
        ["detail"] = ("What went wrong with this request, naming the ID or parameter at fault.", JsonValue.Create("There is no goal with ID \"7\".")),
        ["instance"] = ("The path of the request that failed.", JsonValue.Create("/api/v1/goals/7")),
        ["errors"] = ("For invalid parameters: messages by parameter name.", new JsonObject { ["limit"] = new JsonArray("limit must be a whole number from 1 to 200.") }),
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.Type) || schema is not OpenApiSchema concrete)
        {
            return;
        }
        concrete.Description = context.Type == typeof(ProblemDetails)
            ? "A problem (RFC 9457, application/problem+json). Extensions such as traceId or supportedVersions may follow."
            : "A problem with one or more request parameters (RFC 9457), with messages by parameter in errors.";
        foreach (var (name, property) in concrete.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (Properties.TryGetValue(name, out var doc) && property is OpenApiSchema p)
            {
                p.Description = doc.Description;
                p.Examples = [doc.Example];
            }
        }
    }
}
