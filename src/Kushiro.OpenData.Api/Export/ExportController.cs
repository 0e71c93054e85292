using System.Net.Mime;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.LinkedData;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Kushiro.OpenData.Api.Themes;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Export;

/// <summary>
/// Bulk export for systems that mirror everything: one JSON-LD document, and a CSV set (file by file or one ZIP).
/// Like every GET, each answer carries an ETag of its exact bytes and Last-Modified, so a mirror revalidates cheaply.
/// </summary>
[Route("api/v{version:apiVersion}/export")]
[Tags("Export")]
public sealed class ExportController(StrategyReadModel readModel, ThemeCatalog themes, Labels.EnglishLabels labels, CsvExport csv) : ApiV1Controller
{
    private static readonly JsonSerializerOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Download everything as one JSON-LD document.</summary>
    /// <remarks>The plan, its municipality, every goal, measure, sub-measure and KPI with its figures, the code lists and the catalog, in one <c>@graph</c>.</remarks>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The whole dataset as JSON-LD.</response>
    [HttpGet("jsonld", Name = "exportJsonLd")]
    [ProducesResponseType<object>(StatusCodes.Status200OK, JsonLdTemplates.MediaType)]
    public async Task<IActionResult> ExportJsonLd(CancellationToken cancellationToken)
    {
        var graph = await readModel.GetAsync(cancellationToken);
        var document = JsonLdExport.Build(LinkedDataIris.For(HttpContext), graph, themes, labels);
        Response.Headers.ContentDisposition = DownloadNames.Attachment(DownloadNames.JsonLd);
        // With its charset, as every other JSON-LD answer has it (the media type is UTF-8 anyway).
        return File(JsonSerializer.SerializeToUtf8Bytes(document, Writing), JsonLdTemplates.MediaType + "; charset=utf-8");
    }

    /// <summary>Download one list as a CSV file.</summary>
    /// <remarks>Whole lists (no paging) in the columns of the paged lists' CSV: <c>goals</c>, <c>measures</c>, <c>sub-measures</c>, <c>kpis</c>, <c>kpi-figures</c> (every KPI's baseline, targets and observations, one row each), <c>concept-schemes</c> (the code lists: publisher, source, note), <c>concepts</c> (every theme concept), <c>alignments</c> (goals to concepts), <c>sub-measure-themes</c> (sub-measures to concepts). UTF-8 with BOM, CRLF.</remarks>
    /// <param name="name" example="goals">Which list (the names above).</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The CSV file.</response>
    /// <response code="404">No list has this name; the problem lists the names.</response>
    [HttpGet("csv/{name}.csv", Name = "exportCsv")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> ExportCsv(string name, CancellationToken cancellationToken)
    {
        var graph = await readModel.GetAsync(cancellationToken);
        if (csv.File(name, graph, HttpContext) is not { } text)
        {
            // Named as the operation's parameter is (a generated client's exportCsv("kpis")), not as the file.
            return this.NotFoundProblem("CSV file", name, known: string.Join(", ", CsvExport.Names), note: $"each is at {ExportLinks.Csv("{name}")}", key: "name");
        }
        Response.Headers.ContentDisposition = DownloadNames.Attachment(DownloadNames.Csv(name));
        return File(System.Text.Encoding.UTF8.GetBytes(text), Csv.CsvFormat.ContentType);
    }

    /// <summary>Download every CSV file in one ZIP.</summary>
    /// <remarks>The same files as <c>/export/csv/{name}.csv</c>, and a <c>README.txt</c> (UTF-8 with BOM, CRLF) naming the source (出典) and, as the catalog does, which dataset and licence each file belongs to. Entry times are the data's Last-Modified, so unchanged data gives the same bytes and ETag.</remarks>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The ZIP archive.</response>
    [HttpGet("csv.zip", Name = "exportCsvArchive")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, MediaTypeNames.Application.Zip)]
    public async Task<IActionResult> ExportCsvArchive(CancellationToken cancellationToken)
    {
        var graph = await readModel.GetAsync(cancellationToken);
        Response.Headers.ContentDisposition = DownloadNames.Attachment(DownloadNames.CsvArchive);
        return File(await csv.ArchiveAsync(graph, HttpContext, cancellationToken), MediaTypeNames.Application.Zip);
    }
}
