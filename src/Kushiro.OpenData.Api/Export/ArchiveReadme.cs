using System.Text;
using Kushiro.OpenData.Api.Catalog;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.Export;

/// <summary>
/// README.txt of the CSV ZIP: where the data comes from (出典, which PDL1.0 requires to travel with the data) and which
/// licence each file is under, taken from the catalog, so a file passed on out of the ZIP can still be attributed.
/// </summary>
public static class ArchiveReadme
{
    public const string FileName = "README.txt";

    // "/api/v1/export/csv/": the files of the ZIP are named as below it.
    private static readonly string CsvFolder = ExportLinks.Csv("")[..^".csv".Length];

    /// <summary>The text, UTF-8 with a byte order mark and CRLF line ends like the CSV files beside it.</summary>
    public static string Build(StrategyGraph graph, Themes.ThemeCatalog themes)
    {
        var plan = graph.Plan;
        var catalog = CatalogBuilder.Build(graph, themes);
        // Appended, not given to the constructor: StringBuilder(char) would take the mark for a capacity.
        var text = new StringBuilder().Append(Csv.CsvFormat.ByteOrderMark);
        void Line(string line = "") => text.Append(line).Append("\r\n");
        Line($"{catalog.Title}（Kushiro OpenData） CSV一式");
        Line(catalog.Description);
        Line();
        Line($"出典：{plan.SourceDocument.Publisher}「{plan.SourceDocument.Title}」（Kushiro OpenData が加工して作成）");
        // What a copy passed on alone can be cited and checked by: the data's version as the catalog dates it, and the
        // source document's hash as /api/v1/plan gives it.
        Line($"データの版：{Http.DateTimeText.Format(catalog.Modified)}（カタログの modified）");
        Line($"原典のSHA-256：{plan.SourceDocument.Sha256}");
        foreach (var dataset in catalog.Datasets)
        {
            // The CSV files the catalog lists under the dataset; the ZIP itself is listed under each.
            var files = dataset.Distributions
                .Where(d => d.Url.StartsWith(CsvFolder, StringComparison.Ordinal))
                .Select(d => d.Url[CsvFolder.Length..]);
            Line();
            Line($"■ {dataset.Title}");
            Line($"ファイル：{string.Join("、", files)}");
            Line($"ライセンス：{dataset.Licence.Name} {dataset.Licence.Url}");
            Line(dataset.Rights);
        }
        Line();
        Line($"CSVの形式：{CatalogBuilder.CsvNote}");
        return text.ToString();
    }
}
