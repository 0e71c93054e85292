using Kushiro.OpenData.Api.Http;

namespace Kushiro.OpenData.Api.Export;

/// <summary>Where the bulk exports are served.</summary>
public static class ExportLinks
{
    public const string JsonLd = ApiLinks.V1 + "/export/jsonld";
    public const string CsvArchive = ApiLinks.V1 + "/export/csv.zip";

    public static string Csv(string name) => $"{ApiLinks.V1}/export/csv/{name}.csv";
}
