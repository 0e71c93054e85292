using System.Net.Mime;
using Kushiro.OpenData.Api.Csv;
using Kushiro.OpenData.Api.Export;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.LinkedData;
using Kushiro.OpenData.Api.Strategy;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.Catalog;

/// <summary>
/// The catalog's content. Datasets and their distributions are the API's own structure, so they live here; titles,
/// publisher, licences and dates come from the data.
/// </summary>
public static class CatalogBuilder
{
    public static readonly IReadOnlyList<string> DatasetIds = ["policy-structure", "kpis", "code-lists"];

    public const string CsvNote = "UTF-8、BOM付き、改行CRLF（RFC 4180）。先頭列は 全国地方公共団体コード,ID,地方公共団体名。コードは文字列のまま（012068）。数値は単位・桁区切りなし、単位は別の列。KPIの数値は縦持ち（1行1値）。";

    // What each dataset holds, as the changes feed names resource types. Code lists, mappings and English labels live
    // only in the seed files, so an edit of any seed file ("seed") may have changed any dataset.
    private static readonly string[] PolicyStructureTypes = ["seed", "plan", "local-government", "goal", "measure", "sub-measure"];
    private static readonly string[] KpiTypes =
        ["seed", "kpi", .. new[] { Kpis.KpiFigureRole.Baseline, Kpis.KpiFigureRole.Target, Kpis.KpiFigureRole.Observation }.Select(Changes.ChangeRecorder.FigureType)];
    private static readonly string[] CodeListTypes = ["seed"];

    public static CatalogResource Build(StrategyGraph graph, Themes.ThemeCatalog themes)
    {
        // When each dataset's data last changed; a store without a recorded change falls back to Last-Modified.
        DateTimeOffset Modified(string[] types) => graph.ChangeDates.LastOf(types) ?? graph.LastModified;
        var policyStructureModified = Modified(PolicyStructureTypes);
        var kpisModified = Modified(KpiTypes);
        var codeListsModified = Modified(CodeListTypes);
        // The JSON-LD export and the CSV ZIP hold every dataset (so their title says 全データ wherever they are listed),
        // so they change whenever any of them does: a harvester that re-downloads by a distribution's date must see a
        // figure write on the policy structure's ZIP too. The plan's lastModified, so that one state has one date: the
        // last change of any kind, one the lists above do not name yet included.
        var wholeStoreModified = graph.DataModified;
        var plan = graph.Plan;
        var subMeasuresOfKpis = graph.Kpis.SelectMany(k => Themes.ThemeFilter.Under(graph, "kpi", k.Kpi.Id)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var pdl = new DatasetLicence { Name = plan.Licence.Name, Url = plan.Licence.Url };
        var ccBy = new DatasetLicence { Name = plan.EditorialLicence.Name, Url = plan.EditorialLicence.Url };
        var editorial = $"本プロジェクトによる追加（英語名、対応付け、構造化）は{plan.EditorialLicence.Name}。";
        // One file, one licence wherever it is listed (a harvester merging by URL kept whichever it met first). It holds
        // the city's text under PDL1.0, which may also be used under CC BY 4.0 (PDL1.0 says so), and this project's
        // additions under CC BY 4.0: CC BY 4.0 for the whole, with the rights saying whose each part is, the code
        // lists' exceptions (names that are their publishers', English that is the UN's) and the figures' sources too.
        var compatible = plan.Licence.CompatibleWith is { } other ? $"（{other}と互換があり、{other}に従っても利用できる）" : "";
        var codeListNames = "コードリストの名称は各コードリストの発行者による（発行者と、名称を確かめた資料、原典で未確認の点は各コードリストに記載）。";
        var figureSources = "KPIの数値の出典は各数値の出典欄のとおり。";
        var wholeStoreRights = $"全データセット（施策体系、KPI、コードリスト）を含む。市の文章は{plan.Licence.Name}{compatible}。{editorial}{codeListNames}{PublishersEnglish(themes)}{figureSources}";
        var wholeStoreJsonLd = Download("全データ（JSON-LD）", JsonLdTemplates.MediaType, ExportLinks.JsonLd, wholeStoreModified, ccBy) with { Rights = wholeStoreRights };
        var wholeStoreZip = Download("全データ（CSV一式、ZIP）", MediaTypeNames.Application.Zip, ExportLinks.CsvArchive, wholeStoreModified, ccBy) with { Rights = wholeStoreRights };
        return new CatalogResource
        {
            Title = $"{plan.Title} オープンデータ",
            Description = $"{plan.Municipality.Name}の{plan.Title}の施策体系、数値目標・KPI、関連するコードリスト（Kushiro OpenData）。",
            Publisher = new CatalogPublisher { Name = plan.Municipality.Name, LocalGovernmentCode = plan.Municipality.LocalGovernmentCode },
            Language = "ja",
            Modified = wholeStoreModified,
            Csv = new CsvPolicy { CharacterEncoding = "UTF-8", ByteOrderMark = true, LineEnding = "CRLF", Note = CsvNote },
            Datasets =
            [
                new DatasetResource
                {
                    Id = "policy-structure",
                    Title = "施策体系（基本目標・施策・細節）",
                    Description = $"{graph.Goals.Count}つの基本目標、{graph.Measures.Count}の施策、{graph.SubMeasures.Count}の細節。表記・説明は市の資料（{plan.SourceDocument.Title}）のとおり。",
                    // Keywords without "・": CKAN's tag rule (letters, digits, space, "-", "_", ".") refuses it, and a
                    // harvesting portal then refused the whole dataset. The titles keep the official spelling.
                    Keywords = ["地方創生", "総合戦略", "まちひとしごと創生", "施策体系", plan.Municipality.Name],
                    Licence = pdl,
                    Rights = $"市の文章は{plan.Licence.Name}。{editorial}",
                    Modified = policyStructureModified,
                    Themes = InCatalogOrder(themes, themes.SubMeasureThemes.Select(t => (t.Scheme, t.Code)).Concat(themes.Alignments.Select(a => (a.Scheme, a.Code)))),
                    Distributions =
                    [
                        Api("施策体系（JSON、細節の一覧）", MediaTypeNames.Application.Json, ApiLinks.SubMeasures + "?limit=200", policyStructureModified, pdl),
                        wholeStoreJsonLd,
                        Download("基本目標（CSV）", CsvFormat.MediaType, ExportLinks.Csv("goals"), policyStructureModified, pdl),
                        Download("施策（CSV）", CsvFormat.MediaType, ExportLinks.Csv("measures"), policyStructureModified, pdl),
                        Download("細節（CSV）", CsvFormat.MediaType, ExportLinks.Csv("sub-measures"), policyStructureModified, pdl),
                        wholeStoreZip,
                    ],
                },
                new DatasetResource
                {
                    Id = "kpis",
                    Title = "数値目標・重要業績評価指標（KPI）",
                    Description = "計画・基本目標の数値目標と施策のKPI。基準値・目標値・実績値はそれぞれ出典と出自（official / editorial）付き。出典を示せない数値は載せない。公的機関の公表資料そのものを出典にできない数値は official でなく editorial。",
                    Keywords = ["KPI", "数値目標", "重要業績評価指標", "人口の将来展望"],
                    Licence = pdl,
                    // KPIs have no English names or mappings: what the project adds to them is the wording and the structure.
                    // Not "from published sources" for all: a figure marked editorial rests on another source (the
                    // seed's census figures on a page that quotes them; a staff figure on what its source names).
                    Rights = $"数値の出典は各数値の出典欄のとおり（出自が official のものは公的機関の公表資料、editorial のものはそれ以外の資料による）。定義の文言と構造化は、登録元が seed のものは本プロジェクトによる（{plan.EditorialLicence.Name}）、staff のものは市の職員による。",
                    Modified = kpisModified,
                    Themes = InCatalogOrder(themes, themes.SubMeasureThemes.Where(t => subMeasuresOfKpis.Contains(t.SubMeasureId)).Select(t => (t.Scheme, t.Code))),
                    Distributions =
                    [
                        Api("KPI（JSON）", MediaTypeNames.Application.Json, ApiLinks.Kpis + "?limit=200", kpisModified, pdl),
                        wholeStoreJsonLd,
                        Download("KPI（CSV、定義）", CsvFormat.MediaType, ExportLinks.Csv("kpis"), kpisModified, pdl),
                        Download("KPIの数値（CSV、縦持ち）", CsvFormat.MediaType, ExportLinks.Csv("kpi-figures"), kpisModified, pdl),
                        wholeStoreZip,
                    ],
                },
                new DatasetResource
                {
                    Id = "code-lists",
                    Title = "コードリスト（国の総合戦略の基本目標、デジタル田園都市国家構想の取組、SDGsの17の目標、政策分野）と基本目標・細節の対応付け",
                    Description = "SKOS の概念体系。名称は各コードリストの発行者のもの（国の総合戦略とデジタル田園都市国家構想は政府、SDGsは国際連合。政策分野の一覧は本プロジェクト）で、本プロジェクトが名称を確かめた資料と、原典で確かめられなかった点は各コードリストの出典と注記に記載。英語名は本プロジェクトによる訳か発行者自身のもの（各コードリストの labelEnProvenance が editorial / official を示し、原典で確かめられなかった点は注記に記載）、対応付け（理由付き）は本プロジェクトによる。",
                    Keywords = ["コードリスト", "SKOS", "まちひとしごと創生総合戦略", "デジタル田園都市国家構想", "SDGs", "政策分野"],
                    Licence = ccBy,
                    // Not "the government's" alone: the SDGs' names are the UN's, and the policy fields are the project's own.
                    // Nor "as published": some names were checked only against public copies (each list's note says so).
                    Rights = codeListNames + editorial + PublishersEnglish(themes),
                    Modified = codeListsModified,
                    Themes = [],
                    Distributions =
                    [
                        Api("コードリスト（JSON）", MediaTypeNames.Application.Json, ApiLinks.Themes, codeListsModified, ccBy),
                        wholeStoreJsonLd,
                        Download("コードリスト（CSV）", CsvFormat.MediaType, ExportLinks.Csv("concept-schemes"), codeListsModified, ccBy),
                        Download("コードリストの概念（CSV）", CsvFormat.MediaType, ExportLinks.Csv("concepts"), codeListsModified, ccBy),
                        Download("基本目標の対応付け（CSV）", CsvFormat.MediaType, ExportLinks.Csv("alignments"), codeListsModified, ccBy),
                        Download("細節のテーマ（CSV）", CsvFormat.MediaType, ExportLinks.Csv("sub-measure-themes"), codeListsModified, ccBy),
                        wholeStoreZip,
                    ],
                },
            ],
        };
    }

    // As ?theme= names them, in the order of the code lists and their concepts.
    private static string[] InCatalogOrder(Themes.ThemeCatalog themes, IEnumerable<(string Scheme, string Code)> used)
    {
        var set = used.ToHashSet();
        return [.. themes.Schemes.SelectMany(s => s.Concepts.Where(c => set.Contains((s.Id, c.Code))).Select(c => $"{s.Id}:{c.Code}"))];
    }

    // Not every English name is the project's: a list whose labelEnProvenance is official (the SDGs, the UN's short
    // titles) has its publisher's words, which our licence does not cover, whether or not they were checked.
    private static string PublishersEnglish(Themes.ThemeCatalog themes)
    {
        var official = themes.Schemes.Where(s => s.LabelEnProvenance == Kpis.KpiProvenance.Official).ToList();
        return official.Count == 0 ? "" : $"ただし{string.Join("、", official.Select(s => $"「{s.Title}」"))}の英語名は発行者（{string.Join("、", official.Select(s => s.Publisher).Distinct())}）のもの。";
    }

    // Each distribution says what it is, for the harvester that imports it as a resource (dct:description).
    private const string ApiNote = "APIの一覧（JSON）。limit=200 で一度に最大200件。それを超える分は links.next をたどる。";
    private const string JsonLdNote = "全データセット（施策体系、KPI、コードリスト）とこのカタログを1つのJSON-LD文書（@graph）にまとめたもの。";
    private const string ZipNote = "全データセットのCSVファイル一式と、出典と各ファイルのデータセット・ライセンスを記した README.txt。" + CsvNote;

    private static DistributionResource Api(string title, string mediaType, string url, DateTimeOffset modified, DatasetLicence licence) =>
        new() { Title = title, Description = ApiNote, MediaType = mediaType, Url = url, Download = false, Modified = modified, Licence = licence, Rights = null };

    private static DistributionResource Download(string title, string mediaType, string url, DateTimeOffset modified, DatasetLicence licence) =>
        new()
        {
            Licence = licence,
            Rights = null,
            Title = title,
            Description = mediaType switch { CsvFormat.MediaType => CsvNote, MediaTypeNames.Application.Zip => ZipNote, _ => JsonLdNote },
            MediaType = mediaType,
            Url = url,
            Download = true,
            Modified = modified,
        };
}
