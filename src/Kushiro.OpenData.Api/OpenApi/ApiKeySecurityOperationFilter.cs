using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// Marks the operations behind an API key (the write path) as needing one, so generated clients send it and
/// the document shows which calls are anonymous: every other operation keeps the document's empty requirement.
/// </summary>
public sealed class ApiKeySecurityOperationFilter : IOperationFilter
{
    public const string BearerScheme = "apiKey";
    public const string HeaderScheme = "apiKeyHeader";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
        {
            return;
        }
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, context.Document)] = [] },
        ];
    }

    public static void AddSchemes(SwaggerGenOptions options)
    {
        options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "kod_{id}_{secret}",
            Description = "An API key for city staff, created with the `apikey create` command: `Authorization: Bearer kod_…`. Reads need no key.",
        });
        options.AddSecurityDefinition(HeaderScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-API-Key",
            Description = "The same API key in a header of its own, for tools that cannot set Authorization.",
        });
    }
}
