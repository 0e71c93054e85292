using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>A ZIP download is bytes, not a JSON string: say so, so generated clients save it as a file.</summary>
internal sealed class ZipContentOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var content in (operation.Responses?.Values.AsEnumerable() ?? []).SelectMany(r => r.Content ?? new Dictionary<string, IOpenApiMediaType>())
            .Where(c => c.Key == "application/zip").Select(c => c.Value).OfType<OpenApiMediaType>())
        {
            content.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = "binary",
                Description = "A ZIP archive of every CSV file of the bulk export (goals, measures, sub-measures, kpis, kpi-figures, alignments).",
            };
        }
    }
}
