using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Changes;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Kpis;
using Kushiro.OpenData.Api.Paging;
using Kushiro.OpenData.Api.Search;
using Kushiro.OpenData.Api.Strategy;

using Kushiro.OpenData.Api.Themes;

namespace Kushiro.OpenData.Api.Csv;

/// <summary>
/// The columns of every list served as CSV, one table per item type: a new list adds a table here and text/csv to its
/// response type, not a code path. Each table is part of the v1 contract (documented in the README): never rename,
/// reorder or drop a column. Values are as in JSON: IDs and codes as text, numbers plain (no separators, no unit;
/// units have columns of their own), enumerations by their JSON names.
/// </summary>
public static class CsvLists
{
    private static readonly CsvList[] All =
    [
        CsvList.Of<GoalSummary>(g => g.Id,
            new("記号", g => g.Marker),
            new("順序", g => Number(g.Order)),
            new("名称", g => g.Title),
            new("名称（英語）", g => English("goal", g.Id)?.Title),
            new("英語の出自", g => EnglishProvenance("goal", g.Id))),
        CsvList.Of<MeasureSummary>(m => m.Id,
            new("基本目標ID", m => m.GoalId),
            new("記号", m => m.Marker),
            new("順序", m => Number(m.Order)),
            new("名称", m => m.Title),
            new("名称（英語）", m => English("measure", m.Id)?.Title),
            new("英語の出自", m => EnglishProvenance("measure", m.Id))),
        CsvList.Of<SubMeasureResource>(s => s.Id,
            new("基本目標ID", s => s.GoalId),
            new("施策ID", s => s.MeasureId),
            new("記号", s => s.Marker),
            new("順序", s => Number(s.Order)),
            new("名称", s => s.Title),
            new("説明", s => s.Description),
            new("再掲元ID", s => s.RelistingOf),
            new("抽出時の名称", s => s.TitleAsExtracted),
            new("抽出時の説明", s => s.DescriptionAsExtracted),
            new("名称（英語）", s => English("sub-measure", s.Id)?.Title),
            new("説明（英語）", s => English("sub-measure", s.Id)?.Description),
            new("英語の出自", s => EnglishProvenance("sub-measure", s.Id))),
        // One row per KPI, its definition only: figures are rows of their own (long format), never columns per period.
        CsvList.Of<KpiResource>(k => k.Id,
            new("階層", k => k.Level),
            new("区分", k => k.Kind),
            new("基本目標ID", k => k.GoalId),
            new("施策ID", k => k.MeasureId),
            new("名称", k => k.Name),
            new("定義", k => k.Definition),
            new("単位", k => k.Unit),
            new("方向", k => k.Direction),
            new("統計名", k => k.Statistics?.Name),
            new("政府統計コード", k => k.Statistics?.GovernmentStatisticsCode),
            new("登録元", k => k.Origin)),
        CsvList.Of<KpiFigureResource, FigureRow>(FigureRow.Of, FigureId, FigureColumns),
        // The bulk export's figures of every KPI: rows that carry their KPI themselves.
        CsvList.Of<FigureRow>(FigureId, FigureColumns),
        CsvList.Of<AlignmentRow>(a => $"{a.GoalId}/{a.Scheme}:{a.Code}",
            new("基本目標ID", a => a.GoalId),
            new("コードリスト", a => a.Scheme),
            new("コード", a => a.Code),
            new("表記", a => a.Notation),
            new("名称", a => a.Label),
            new("出自", a => a.Provenance),
            new("理由", a => a.Rationale)),
        CsvList.Of<ThemeSchemeSummary>(s => s.Id,
            new("名称", s => s.Title),
            new("名称（英語）", s => s.TitleEn),
            new("発行者", s => s.Publisher),
            new("発行日", s => s.Issued),
            new("出典", s => s.Source.Title),
            new("出典URL", s => s.Source.Url),
            new("概念の数", s => Number(s.ConceptCount)),
            // Added after v1's first columns, so last: it says whose each list and its English names are.
            new("注記", s => s.Note),
            // Whose the concepts' English names are (official: the publisher's; editorial: this project's).
            new("概念の名称（英語）の出自", s => s.LabelEnProvenance)),
        // The bulk export's concepts of every code list.
        CsvList.Of<ThemeConceptResource>(c => $"{c.Scheme}:{c.Code}",
            new("コードリスト", c => c.Scheme),
            new("コード", c => c.Code),
            new("記号", c => c.Notation),
            new("名称", c => c.Label),
            new("名称（英語）", c => c.LabelEn),
            new("IRI", c => c.Iri),
            // Added after the first columns, so last: whose the English name is (official: the publisher's; editorial: this project's).
            new("名称（英語）の出自", c => c.LabelEnProvenance)),
        CsvList.Of<SubMeasureThemeRow>(t => $"{t.SubMeasureId}/{t.Scheme}:{t.Code}",
            new("細節ID", t => t.SubMeasureId),
            new("コードリスト", t => t.Scheme),
            new("コード", t => t.Code),
            new("名称", t => t.Label),
            new("出自", t => t.Provenance),
            new("理由", t => t.Rationale),
            // Added after v1's first columns, so last; named as in alignments.csv.
            new("表記", t => t.Notation)),
        // A search's results, best first. The row's ID names the kind too: a staff KPI's ID may be spelled as a measure's.
        CsvList.Of<SearchResultResource>(r => $"{r.Type}/{r.Id}",
            new("種別", r => r.Type),
            new("対象ID", r => r.Id),
            new("名称", r => r.Title),
            new("スコア", r => Number(r.Score)),
            new("一致した項目", r => r.Field),
            new("抜粋", r => r.Snippet),
            new("名称（英語）", r => English(r.Type, r.Id)?.Title),
            new("英語の出自", r => EnglishProvenance(r.Type, r.Id))),
        CsvList.Of<ChangeResource>(c => Number(c.Sequence),
            new("日時", c => Time(c.Time)),
            new("実行者", c => c.Actor),
            new("操作", c => c.Action),
            new("対象種別", c => c.ResourceType),
            new("対象ID", c => c.ResourceId),
            new("変更前", c => Json(c.Before)),
            new("変更後", c => Json(c.After))),
    ];

    // The ID is the one the changes feed gives a figure ({kpi}/{period}), so the two lists join.
    private static string FigureId(FigureRow r) => $"{r.List.KpiId}/{r.List.Role}/{r.Figure.Period}";

    private static CsvColumn<FigureRow>[] FigureColumns =>
    [
        new("指標ID", r => r.List.KpiId),
        new("指標名", r => r.List.KpiName),
        new("種別", r => r.List.Role),
        new("期間", r => r.Figure.Period),
        new("値", r => Number(r.Figure.Value)),
        new("単位", r => r.List.Unit),
        new("注記", r => r.Figure.Note),
        new("出典", r => r.Figure.Source.Title),
        new("出典URL", r => r.Figure.Source.Url),
        new("出典ページ", r => r.Figure.Source.Page),
        new("出自", r => r.Figure.Provenance),
        new("登録元", r => r.Figure.Origin),
        // Added after v1's first columns, so last: 期間 as the sources write it mixes years, fiscal years and days
        // (1980, FY2020, 2010-10-01); this one sorts.
        new("期間の末日", r => r.Figure.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];

    private static readonly Dictionary<Type, CsvList> ByItemType = All.ToDictionary(l => l.ItemType);

    /// <summary>The CSV of rows of one item type (the bulk export writes whole lists, not pages).</summary>
    public static CsvList ForItems<TItem>() => ForItems(typeof(TItem));

    public static CsvList ForItems(Type itemType) => ByItemType[itemType];

    // Japanese stays readable in the JSON of changed fields, as in the JSON responses.
    private static readonly JsonSerializerOptions JsonCells = new() { Encoder = RestApiSetup.Encoder };

    /// <summary>The CSV of a <see cref="Page{T}"/> type, or null for anything that is not a list with CSV columns.</summary>
    public static CsvList? For(Type? pageType) =>
        pageType is { IsGenericType: true } && pageType.GetGenericTypeDefinition() == typeof(Page<>)
            ? ByItemType.GetValueOrDefault(pageType.GetGenericArguments()[0])
            : null;

    // English labels are this project's translations (editorial), in every CSV whatever the request's language.
    private static Labels.EnglishLabel? English(string level, string id) => Labels.LanguageScope.Labels?.For(level, id);

    // Whose the English columns are, on each row as in JSON's en.provenance: a file passed on alone says it itself.
    private static string? EnglishProvenance(string level, string id) =>
        English(level, id) is null ? null : Labels.EnglishLabelResource.EditorialProvenance;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    // The shortest text that reads back as the same double, as the JSON writes it (4.5, 6).
    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    // ISO 8601 as the JSON has it: 2026-11-28T09:00:00+00:00, fractions of a second only where there are any.
    private static string Time(DateTimeOffset time) => Http.DateTimeText.Format(time);

    private static string? Json(JsonObject? fields) => fields?.ToJsonString(JsonCells);
}
