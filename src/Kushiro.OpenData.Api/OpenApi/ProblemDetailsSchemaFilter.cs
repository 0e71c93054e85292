using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>Describes the framework's problem details types (RFC 9457), which carry no XML docs of ours.</summary>
internal sealed class ProblemDetailsSchemaFilter : ISchemaFilter
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["type"] = "URI identifying the kind of problem.",
        ["title"] = "Short summary of the kind of problem.",
        ["status"] = "The HTTP status code.",
        ["detail"] = "What went wrong with this request, naming the ID or parameter at fault.",
        ["instance"] = "The path of the request that failed.",
        ["errors"] = "For invalid parameters: messages by parameter name.",
    };

    // Whole examples, as the API answers them: an unknown ID, and a parameter out of range.
    private static readonly JsonObject NotFound = new()
    {
        ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        ["title"] = "Not Found",
        ["status"] = 404,
        ["detail"] = "There is no goal with ID \"7\".",
        ["instance"] = "/api/v1/goals/7",
    };

    private static readonly JsonObject InvalidParameter = new()
    {
        ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        ["title"] = "Bad Request",
        ["status"] = 400,
        ["detail"] = "Invalid: limit. \"limit\" must be a whole number from 1 to 200.",
        ["instance"] = "/api/v1/goals",
        ["errors"] = new JsonObject { ["limit"] = new JsonArray("\"limit\" must be a whole number from 1 to 200.") },
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
        var example = context.Type == typeof(ProblemDetails) ? NotFound : InvalidParameter;
        concrete.Examples = [example.DeepClone()];
        foreach (var (name, property) in concrete.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (Descriptions.TryGetValue(name, out var description) && property is OpenApiSchema p)
            {
                p.Description = description;
                if (name == "detail")
                {
                    // Kiota makes it the exception's message, which otherwise reads "Exception of type … was thrown".
                    p.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                    p.Extensions["x-ms-primary-error-message"] = new JsonNodeExtension(JsonValue.Create(true));
                }
                if (example[name] is { } value)
                {
                    p.Examples = [value.DeepClone()];
                }
            }
        }
    }
}
