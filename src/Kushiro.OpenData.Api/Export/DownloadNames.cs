namespace Kushiro.OpenData.Api.Export;

/// <summary>
/// The file names the downloads carry in Content-Disposition, which a browser app saves them under: one place for the
/// answers (ExportController) and the contract that declares them (OpenApi/HttpConventionsOperationFilter.cs).
/// </summary>
public static class DownloadNames
{
    public const string JsonLd = "kushiro-opendata.jsonld";
    public const string CsvArchive = "kushiro-opendata-csv.zip";

    public static string Csv(string name) => $"kushiro-{name}.csv";

    public static string Attachment(string fileName) => $"attachment; filename=\"{fileName}\"";
}
