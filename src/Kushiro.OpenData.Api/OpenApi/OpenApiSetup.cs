using Asp.Versioning.ApiExplorer;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>One OpenAPI document per API version at /openapi/{version}.json, and Swagger UI at /docs.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddOpenApiDocuments(this IServiceCollection services)
    {
        services.AddTransient<IConfigureOptions<SwaggerGenOptions>, ConfigureSwaggerDocuments>();
        services.AddSwaggerGen(o =>
        {
            o.IncludeXmlComments(typeof(OpenApiSetup).Assembly, includeControllerXmlComments: true);
            // Non-nullable reference types are required and not nullable, so generated clients get exact types.
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
            // OpenAPI 3.0 ignores siblings of $ref; allOf lets a property that refers to a schema keep its description.
            o.UseAllOfToExtendReferenceSchemas();
            o.DocumentFilter<ServersDocumentFilter>();
            // Before the examples, which are composed from the properties left.
            o.DocumentFilter<FacetsWhereAskedDocumentFilter>();
            o.DocumentFilter<SchemaExamplesDocumentFilter>();
            o.OperationFilter<HttpConventionsOperationFilter>();
            o.OperationFilter<CsvResponseOperationFilter>();
            o.SchemaFilter<ProblemDetailsSchemaFilter>();
            o.SchemaFilter<NullableReferenceSchemaFilter>();
            o.OperationFilter<ParameterRulesOperationFilter>();
            o.OperationFilter<ApiKeySecurityOperationFilter>();
            o.OperationFilter<JsonLdContentOperationFilter>();
            o.OperationFilter<DownloadContentOperationFilter>();
            o.OperationFilter<ArrayParameterExampleOperationFilter>();
            o.OperationFilter<LanguageParameterOperationFilter>();
            o.OperationFilter<JsonFirstOperationFilter>();
            o.RequestBodyFilter<RequiredBodyFilter>();
            ApiKeySecurityOperationFilter.AddSchemes(o);
            // KPI figures are exact decimals, written as JSON numbers with every digit (up to 28). "double" would have
            // client generators type them as binary floating point, which rounds 99999999999999999999.99999999;
            // "decimal" has NSwag and Kiota use their decimal types, and JSON Schema validators ignore the format.
            o.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" });
            // The changes feed carries changed fields as they were stored: any JSON object.
            o.MapType<System.Text.Json.Nodes.JsonObject>(() => new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                // Any field, said as a schema, as for a JSON-LD document (OpenApi/JsonLdContentOperationFilter.cs).
                AdditionalProperties = new OpenApiSchema(),
                Description = "Changed fields by name (camelCase), with their values.",
            });
        });
        return services;
    }

    public static WebApplication UseOpenApiDocuments(this WebApplication app)
    {
        // An endpoint, not UseSwagger's middleware: that one has the container make a document generator for every
        // request it sees, and the first one builds the generator's options (reading the XML docs).
        app.MapSwagger("/openapi/{documentName}.json");
        // Swagger UI's pages are not framed by other sites (clickjacking). Its own inline styles and scripts rule out a
        // stricter policy than frame-ancestors.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/docs"), docs => docs.Use((context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            context.Response.Headers.XFrameOptions = "DENY";
            return next(context);
        }));
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "docs";
            o.DocumentTitle = "Kushiro OpenData API";
            foreach (var description in app.DescribeApiVersions())
            {
                o.SwaggerEndpoint($"/openapi/{description.GroupName}.json", description.GroupName);
            }
        });
        // Swagger UI's middleware serves its files to GET and HEAD and passes everything else on: this endpoint makes
        // another method a 405 naming GET and HEAD, as on every other read, and a file it does not have a 404.
        app.MapMethods("/docs/{**file}", [HttpMethods.Get, HttpMethods.Head], () => Results.NotFound()).ExcludeFromDescription();
        return app;
    }

    private sealed class ConfigureSwaggerDocuments(IApiVersionDescriptionProvider versions) : IConfigureOptions<SwaggerGenOptions>
    {
        public void Configure(SwaggerGenOptions options)
        {
            foreach (var version in versions.ApiVersionDescriptions)
            {
                options.SwaggerDoc(version.GroupName, new OpenApiInfo
                {
                    Title = "Kushiro OpenData API",
                    Version = version.ApiVersion.ToString(),
                    Description =
                        "Open data of Kushiro City's (釧路市, Hokkaido) second-period regional revitalization strategy, "
                        + "第2期釧路市まち・ひと・しごと創生総合戦略: its basic goals (基本目標), measures (施策・節) and "
                        + "sub-measures (施策・細節), with stable IDs. Every GET carries an ETag and Last-Modified and answers "
                        + "conditional requests with 304; errors are RFC 9457 problem details. No key is needed to read.",
                    License = new OpenApiLicense
                    {
                        Name = "PDL1.0 (the city's text); CC BY 4.0 (this project's additions)",
                        Url = new Uri("https://www.digital.go.jp/resources/open_data/public_data_license_v1.0"),
                    },
                });
            }
        }
    }

    // Root-relative server: the document is valid whichever host serves it. Reading needs no credentials,
    // which an empty security requirement states explicitly.
    private sealed class ServersDocumentFilter : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            document.Servers = [new OpenApiServer { Url = "/", Description = "The server this document is served from" }];
            document.Security = [new OpenApiSecurityRequirement()];
        }
    }
}
