using System.Net.Mime;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// ZIP, CSV and plain-text answers are files, not JSON strings: their schemas say <c>format: binary</c>, so generated
/// clients hand them over as a stream or file. Without it NSwag's client parsed a CSV export as a JSON string and
/// failed on its first byte.
/// </summary>
internal sealed class DownloadContentOperationFilter : IOperationFilter
{
    private static readonly HashSet<string> FileMediaTypes = [MediaTypeNames.Application.Zip, Csv.CsvFormat.MediaType, "text/plain"];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var (mediaType, content) in (operation.Responses?.Values.AsEnumerable() ?? []).SelectMany(r => r.Content ?? new Dictionary<string, IOpenApiMediaType>()))
        {
            if (!FileMediaTypes.Contains(mediaType) || content is not OpenApiMediaType media)
            {
                continue;
            }
            // Kept, if there is one: the description and example CsvResponseOperationFilter gave a CSV.
            var schema = media.Schema as OpenApiSchema ?? new OpenApiSchema { Type = JsonSchemaType.String };
            schema.Format = "binary";
            if (mediaType == MediaTypeNames.Application.Zip)
            {
                schema.Description = $"A ZIP archive of every CSV file of the bulk export ({string.Join(", ", Export.CsvExport.Names)}).";
            }
            media.Schema = schema;
        }
    }
}
