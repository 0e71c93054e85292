using System.IO.Compression;
using System.Text;
using Kushiro.OpenData.Api.Csv;
using Kushiro.OpenData.Api.Kpis;
using Kushiro.OpenData.Api.Strategy;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Kushiro.OpenData.Api.Themes;

namespace Kushiro.OpenData.Api.Export;

/// <summary>
/// The CSV set of the bulk export: whole lists, in the same columns as the paged lists' CSV, plus every KPI's figures
/// (baseline, targets, observations) in one long-format file, the code lists and their concepts, and the mappings.
/// </summary>
public sealed class CsvExport(ThemeCatalog themes)
{
    // Each file: its name, the type of its rows (whose columns Csv/CsvLists.cs defines, for the file and for its example
    // in the OpenAPI document alike), and its rows.
    private sealed record CsvFile(string Name, Type Rows, Func<CsvExport, StrategyGraph, HttpContext, string> Write);

    private static CsvFile Of<TItem>(string name, Func<CsvExport, StrategyGraph, IEnumerable<TItem>> rows) =>
        new(name, typeof(TItem), (export, graph, http) => Write(rows(export, graph), graph.Plan.Municipality, http));

    private static readonly CsvFile[] Files =
    [
        Of("goals", (_, graph) => graph.Goals.Select(GoalSummary.From)),
        Of("measures", (_, graph) => graph.Measures.Select(MeasureSummary.From)),
        Of("sub-measures", (_, graph) => graph.SubMeasures.Select(SubMeasureResource.From)),
        Of("kpis", (_, graph) => graph.Kpis.Select(k => k.Kpi)),
        Of("kpi-figures", (_, graph) => graph.Kpis.SelectMany(Figures)),
        // The code lists themselves (publisher, source, whose the names are), as /api/v1/themes serves them.
        Of("concept-schemes", (export, _) => export.Schemes.Select(ThemeSchemeSummary.From)),
        Of("concepts", (export, _) => export.Schemes.SelectMany(s => s.Concepts.Select(c => ThemeConceptResource.From(s, c)))),
        Of("alignments", (export, _) => export.Alignments()),
        Of("sub-measure-themes", (export, _) => export.SubMeasureThemes()),
    ];

    public static readonly IReadOnlyList<string> Names = [.. Files.Select(f => f.Name)];

    private IReadOnlyList<ThemeScheme> Schemes => themes.Schemes;

    /// <summary>A file's header line (CRLF included), for the OpenAPI document's examples.</summary>
    public static string HeaderLine(string name) => string.Join(",", CsvLists.ForItems(Files.Single(f => f.Name == name).Rows).Headers) + "\r\n";

    /// <remarks>Every list comes from the caller's read-model snapshot, as the paged lists serve it (the same resources, in
    /// the same order; KPIs in document order), so the files of one archive are of one moment.</remarks>
    public string? File(string name, StrategyGraph graph, HttpContext http) => Files.FirstOrDefault(f => f.Name == name)?.Write(this, graph, http);

    // A ZIP entry's time has no zone, and unzip tools show it as their local time: it is written on the publisher's
    // clock (Japan, UTC+9, no daylight saving), where UTC's showed a Japanese user a time nine hours early.
    private static readonly TimeSpan JapanStandardTime = TimeSpan.FromHours(9);

    /// <summary>Every file in one ZIP, with a README.txt naming the source and each file's licence. Entry times are the data's Last-Modified, so the same data gives the same bytes (and ETag).</summary>
    public async Task<byte[]> ArchiveAsync(StrategyGraph graph, HttpContext http, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
        {
            foreach (var (fileName, text) in Names.Select(n => ($"{n}.csv", (string?)null)).Append((ArchiveReadme.FileName, ArchiveReadme.Build(graph, themes))))
            {
                var entry = zip.CreateEntry(fileName, CompressionLevel.Optimal);
                entry.LastWriteTime = graph.DataModified.ToOffset(JapanStandardTime);
                await using var stream = entry.Open();
                var content = text ?? File(fileName[..^".csv".Length], graph, http)!;
                await stream.WriteAsync(Encoding.UTF8.GetBytes(content), cancellationToken);
            }
        }
        return buffer.ToArray();
    }

    // Baseline, then targets, then observations, each in period order, as the KPI resource and its observations list them.
    private static IEnumerable<FigureRow> Figures(KpiNode node)
    {
        var kpi = node.Kpi;
        FigureRow Row(string role, KpiFigureResource figure) => new(new FigureListContext(kpi.Id, kpi.Name, kpi.Unit, role), figure);
        return [
            .. kpi.Baseline is { } baseline ? [Row(KpiFigureRole.Baseline, baseline)] : Array.Empty<FigureRow>(),
            .. kpi.Targets.Select(t => Row(KpiFigureRole.Target, t)),
            .. node.Observations.Select(o => Row(KpiFigureRole.Observation, o)),
        ];
    }

    private IEnumerable<AlignmentRow> Alignments() =>
        themes.Alignments.Select(a => (Alignment: a, Concept: themes.Concept(a.Scheme, a.Code)))
            .Where(x => x.Concept is not null)
            .Select(x => new AlignmentRow(x.Alignment.GoalId, x.Alignment.Scheme, x.Alignment.Code, x.Concept!.Notation, x.Concept.Label,
                x.Alignment.Provenance, x.Alignment.Rationale));

    private IEnumerable<SubMeasureThemeRow> SubMeasureThemes() =>
        themes.SubMeasureThemes.Select(t => (Mapping: t, Concept: themes.Concept(t.Scheme, t.Code))).Select(x => new SubMeasureThemeRow(
            x.Mapping.SubMeasureId, x.Mapping.Scheme, x.Mapping.Code, x.Concept?.Notation ?? "", x.Concept?.Label ?? "", x.Mapping.Provenance, x.Mapping.Rationale));

    private static string Write<TItem>(IEnumerable<TItem> items, MunicipalityNode municipality, HttpContext http)
    {
        var list = CsvLists.ForItems<TItem>();
        var text = CsvFormat.AppendRecord(new StringBuilder().Append(CsvFormat.ByteOrderMark), list.Headers);
        foreach (var row in list.Rows(items.ToList(), municipality, http))
        {
            CsvFormat.AppendRecord(text, row);
        }
        return text.ToString();
    }
}
