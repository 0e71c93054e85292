using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Csv;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// Describes the text/csv representation lists declare beside JSON: a string of CSV with its header line as the
/// example, where Swashbuckle would repeat the JSON page schema for every media type, and the Link header that carries
/// the page links a CSV body has no room for.
/// </summary>
internal sealed class CsvResponseOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response
            || response.Content?.TryGetValue(CsvFormat.MediaType, out var media) != true || media is not OpenApiMediaType csv)
        {
            return;
        }
        var type = context.ApiDescription.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode == StatusCodes.Status200OK)?.Type;
        if (type == typeof(string))
        {
            // A CSV file of the bulk export: its columns are those of the list it holds, whole.
            csv.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "A whole list as one CSV file (RFC 4180), UTF-8 with a byte order mark, CRLF line ends, in the columns of the paged list's CSV "
                    + "(the first three: 全国地方公共団体コード, ID, 地方公共団体名). kpi-figures has one row per baseline, target and observation of every KPI; "
                    + "alignments one row per goal and concept. The examples give each file's header line.",
            };
            // Each file's header line, from the same columns the file is written with (a hand-written one went stale;
            // one example for all nine showed goals.csv's columns for kpi-figures.csv too).
            csv.Examples = Export.CsvExport.Names.ToDictionary(name => name, name => (IOpenApiExample)new OpenApiExample
            {
                Summary = $"{name}.csv (its header line)",
                Value = JsonValue.Create(Export.CsvExport.HeaderLine(name)),
            });
            return;
        }
        var list = CsvLists.For(type)
            ?? throw new InvalidOperationException($"{operation.OperationId} declares {CsvFormat.MediaType}, but {type} has no CSV columns in {nameof(CsvLists)}.");
        csv.Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "CSV (RFC 4180), UTF-8 with a byte order mark, CRLF line ends; media type "
                + $"`{CsvFormat.ContentType}`. A header line, then one row per item of the page, in the order of the JSON items. "
                + "The first three columns are 全国地方公共団体コード, ID and 地方公共団体名; codes are text (012068), numbers plain. "
                + "Columns as in the example; each is described in the README.",
            Examples = [JsonValue.Create(string.Join(",", list.Headers) + "\r\n")],
        };
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers["Link"] = new OpenApiHeader
        {
            Description = "With text/csv, and application/ld+json where the operation serves it (not JSON, whose body has `links`): links to the first, previous (if any), next (if any) and last pages (RFC 8288), "
                + "as `links` in the JSON page. The example is the fourth page of the sub-measures, ten at a time.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = JsonValue.Create("</api/v1/sub-measures?limit=10&offset=0>; rel=\"first\", </api/v1/sub-measures?limit=10&offset=20>; rel=\"prev\", "
                + "</api/v1/sub-measures?limit=10&offset=40>; rel=\"next\", </api/v1/sub-measures?limit=10&offset=40>; rel=\"last\""),
        };
    }
}
