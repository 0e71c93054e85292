using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Kushiro.OpenData.Api.Http;
using Kushiro.OpenData.Api.Strategy;

namespace Kushiro.OpenData.Api.Themes;

/// <summary>A code list (SKOS concept scheme) the strategy is aligned to.</summary>
public record ThemeSchemeSummary
{
    /// <summary>Stable ID of the scheme, used in URLs and in <c>{scheme}:{code}</c> theme references.</summary>
    /// <example>national</example>
    public required string Id { get; init; }

    /// <summary>Title of the scheme (Japanese), as its publisher gives it.</summary>
    /// <example>第2期「まち・ひと・しごと創生総合戦略」の基本目標と横断的な目標</example>
    public required string Title { get; init; }

    /// <summary>English title (this project's translation).</summary>
    /// <example>Basic goals and cross-cutting goals of Japan's second-period Town, People and Work Creation Strategy</example>
    public required string TitleEn { get; init; }

    /// <summary>Who publishes what the scheme lists.</summary>
    /// <example>内閣官房・内閣府（まち・ひと・しごと創生本部）</example>
    public required string Publisher { get; init; }

    /// <summary>When it was issued (閣議決定 date).</summary>
    /// <example>2019-12-20</example>
    public required string Issued { get; init; }

    /// <summary>Provenance of the list and its labels.</summary>
    /// <example>閣議決定 2019年12月20日。目標名は閣議決定の本文ではなく、それを引用した自治体等の公開資料（福岡県須恵町のサイト town.sue.fukuoka.jp、兵庫県加古川市の電子書籍、jasoc の Scrapbox）で確認した（各ページのURLは記録がなく、本文の公式URLも未確認のため source.url はない）。英語名は本プロジェクトによる訳（editorial）。</example>
    public required string Note { get; init; }

    /// <summary>Whose the concepts' English labels (<c>labelEn</c>) are: <c>official</c>, the publisher's own words (the UN's short titles for the SDGs; <c>note</c> says what could not be checked against the original), or <c>editorial</c>, this project's translation.</summary>
    /// <example>editorial</example>
    public required string LabelEnProvenance { get; init; }

    /// <summary>The document the concepts are taken from; its URL where one could be confirmed.</summary>
    public required ThemeSourceResource Source { get; init; }

    /// <summary>How many concepts the scheme has.</summary>
    /// <example>6</example>
    public required int ConceptCount { get; init; }

    /// <summary>Link to this scheme.</summary>
    public required SelfLink Links { get; init; }

    internal static ThemeSchemeSummary From(ThemeScheme s) => new()
    {
        Id = s.Id, Title = s.Title, TitleEn = s.TitleEn, Publisher = s.Publisher, Issued = s.Issued, Note = s.Note,
        LabelEnProvenance = s.LabelEnProvenance,
        Source = new ThemeSourceResource { Title = s.SourceTitle, Url = s.SourceUrl },
        ConceptCount = s.Concepts.Count,
        Links = new SelfLink { Self = ApiLinks.ThemeScheme(s.Id) },
    };
}

/// <summary>A code list with its concepts.</summary>
public sealed record ThemeSchemeDetail : ThemeSchemeSummary
{
    [SetsRequiredMembers]
    internal ThemeSchemeDetail(ThemeScheme s)
        : base(From(s)) => Concepts = [.. s.Concepts.Select(c => ThemeConceptResource.From(s, c))];

    /// <summary>The scheme's concepts, in published order.</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<ThemeConceptResource> Concepts { get; init; }
}

/// <summary>One concept of a code list.</summary>
public record ThemeConceptResource
{
    /// <summary>The scheme's ID.</summary>
    /// <example>national</example>
    public required string Scheme { get; init; }

    /// <summary>Stable code of the concept within its scheme.</summary>
    /// <example>goal-4</example>
    public required string Code { get; init; }

    /// <summary>The concept's notation, as the scheme's publisher gives it.</summary>
    /// <example>基本目標4</example>
    public required string Notation { get; init; }

    /// <summary>Its label (Japanese), as the scheme's publisher gives it; the scheme's <c>source</c> and <c>note</c> say where this project checked it.</summary>
    /// <example>ひとが集う、安心して暮らすことができる魅力的な地域をつくる</example>
    public required string Label { get; init; }

    /// <summary>English label (this project's translation; for the SDGs, the UN's short title).</summary>
    /// <example>Make attractive regions where people gather and live in safety</example>
    public required string LabelEn { get; init; }

    /// <summary>Whose the English label is: <c>official</c>, the publisher's own words (the UN's short titles for the SDGs), or <c>editorial</c>, this project's translation.</summary>
    /// <example>editorial</example>
    public required string LabelEnProvenance { get; init; }

    /// <summary>The publisher's own IRI for the concept where one exists (the UN's for the SDGs), else null.</summary>
    /// <example>null</example>
    public required string? Iri { get; init; }

    /// <summary>Links to this concept and to the sub-measures mapped to it.</summary>
    /// <example>{"self":"/api/v1/themes/national/goal-4","subMeasures":"/api/v1/themes/national/goal-4/sub-measures"}</example>
    public required ThemeConceptLinks Links { get; init; }

    internal static ThemeConceptResource From(ThemeScheme s, ThemeConcept c) => new()
    {
        Scheme = s.Id, Code = c.Code, Notation = c.Notation, Label = c.Label, LabelEn = c.LabelEn, LabelEnProvenance = s.LabelEnProvenance, Iri = c.Iri,
        Links = new ThemeConceptLinks { Self = ApiLinks.ThemeConcept(s.Id, c.Code), SubMeasures = ApiLinks.ThemeConceptSubMeasures(s.Id, c.Code) },
    };
}

/// <summary>A concept's links: SDGs are mapped to sub-measures only, so a concept's goals may be empty while this list is not.</summary>
public sealed record ThemeConceptLinks
{
    /// <summary>This concept.</summary>
    /// <example>/api/v1/themes/national/goal-4</example>
    public required string Self { get; init; }

    /// <summary>The sub-measures mapped to this concept, paged (the same as <c>/api/v1/sub-measures?theme={scheme}:{code}</c>).</summary>
    /// <example>/api/v1/themes/national/goal-4/sub-measures</example>
    public required string SubMeasures { get; init; }
}

/// <summary>A concept with the basic goals aligned to it.</summary>
public sealed record ThemeConceptDetail : ThemeConceptResource
{
    [SetsRequiredMembers]
    internal ThemeConceptDetail(ThemeScheme s, ThemeConcept c, IEnumerable<GoalAlignment> alignments)
        : base(From(s, c)) => Goals = [.. alignments.Select(a => new AlignedGoalResource
        {
            GoalId = a.GoalId, Provenance = a.Provenance, Rationale = a.Rationale, Links = new SelfLink { Self = ApiLinks.Goal(a.GoalId) },
        })];

    /// <summary>The plan's basic goals aligned to this concept.</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<AlignedGoalResource> Goals { get; init; }
}

/// <summary>A basic goal aligned to a concept.</summary>
public sealed record AlignedGoalResource
{
    /// <summary>ID of the basic goal.</summary>
    /// <example>4</example>
    public required string GoalId { get; init; }

    /// <summary>Whose this mapping is: <c>editorial</c>, by this project (the only value served: an <c>official</c> one would have to name where the city published it, and the seed has no field for that). The mapping's, not the labels': those are the scheme's publisher's (see the scheme's <c>note</c>).</summary>
    /// <example>editorial</example>
    public required string Provenance { get; init; }

    /// <summary>Why the goal is aligned to the concept (Japanese).</summary>
    /// <example>コンパクト・プラス・ネットワークと中核都市の拠点性の向上（施策4-1、4-2）は「ひとが集う、安心して暮らすことができる魅力的な地域をつくる」に当たる。</example>
    public required string Rationale { get; init; }

    /// <summary>Link to the goal.</summary>
    /// <example>{"self":"/api/v1/goals/4"}</example>
    public required SelfLink Links { get; init; }
}

/// <summary>A goal's alignment to a concept of a code list.</summary>
public sealed record AlignmentResource
{
    /// <summary>The scheme's ID.</summary>
    /// <example>national</example>
    public required string Scheme { get; init; }

    /// <summary>The concept's code.</summary>
    /// <example>goal-4</example>
    public required string Code { get; init; }

    /// <summary>The concept's notation.</summary>
    /// <example>基本目標4</example>
    public required string Notation { get; init; }

    /// <summary>The concept's label (Japanese).</summary>
    /// <example>ひとが集う、安心して暮らすことができる魅力的な地域をつくる</example>
    public required string Label { get; init; }

    /// <summary>The concept's English label (as the concept's <c>labelEn</c>: the UN's short title for the SDGs, this project's translation for the other schemes).</summary>
    /// <example>Make attractive regions where people gather and live in safety</example>
    public required string LabelEn { get; init; }

    /// <summary>Whose this mapping is: <c>editorial</c>, by this project (the only value served: an <c>official</c> one would have to name where the city published it, and the seed has no field for that). The mapping's, not the labels': those are the scheme's publisher's (see the scheme's <c>note</c>).</summary>
    /// <example>editorial</example>
    public required string Provenance { get; init; }

    /// <summary>Why (Japanese).</summary>
    /// <example>コンパクト・プラス・ネットワークと中核都市の拠点性の向上（施策4-1、4-2）は「ひとが集う、安心して暮らすことができる魅力的な地域をつくる」に当たる。</example>
    public required string Rationale { get; init; }

    /// <summary>Link to the concept.</summary>
    /// <example>{"self":"/api/v1/themes/national/goal-4"}</example>
    public required SelfLink Links { get; init; }

    internal static IReadOnlyList<AlignmentResource> Of(ThemeCatalog catalog, string goalId) =>
        [.. catalog.OfGoal(goalId).Select(a => (Alignment: a, Concept: catalog.Concept(a.Scheme, a.Code)))
            .Where(x => x.Concept is not null)
            .Select(x => new AlignmentResource
            {
                Scheme = x.Alignment.Scheme, Code = x.Alignment.Code, Notation = x.Concept!.Notation, Label = x.Concept.Label, LabelEn = x.Concept.LabelEn,
                Provenance = x.Alignment.Provenance, Rationale = x.Alignment.Rationale,
                Links = new SelfLink { Self = ApiLinks.ThemeConcept(x.Alignment.Scheme, x.Alignment.Code) },
            })];
}

/// <summary>Where a code list comes from.</summary>
public sealed record ThemeSourceResource
{
    /// <summary>Title of the source document.</summary>
    /// <example>第2期「まち・ひと・しごと創生総合戦略」（2019年12月20日閣議決定）</example>
    public required string Title { get; init; }

    /// <summary>Its URL, where one could be confirmed; null otherwise.</summary>
    /// <example>null</example>
    public required string? Url { get; init; }
}

/// <summary>A link to the resource itself.</summary>
public sealed record SelfLink
{
    /// <summary>This resource.</summary>
    /// <example>/api/v1/themes/national</example>
    public required string Self { get; init; }
}

/// <summary>A sub-measure's mapping to one concept of a theme scheme.</summary>
public sealed record SubMeasureThemeResource
{
    /// <summary>The scheme's ID.</summary>
    /// <example>sdgs</example>
    public required string Scheme { get; init; }

    /// <summary>The concept's code; <c>{scheme}:{code}</c> is what <c>?theme=</c> takes.</summary>
    /// <example>3</example>
    public required string Code { get; init; }

    /// <summary>The concept's notation, as the scheme's publisher gives it.</summary>
    /// <example>SDG 3</example>
    public required string Notation { get; init; }

    /// <summary>The concept's label (Japanese).</summary>
    /// <example>すべての人に健康と福祉を</example>
    public required string Label { get; init; }

    /// <summary>The concept's English label (as the concept's <c>labelEn</c>: the UN's short title for the SDGs, this project's translation for the other schemes).</summary>
    /// <example>Good Health and Well-being</example>
    public required string LabelEn { get; init; }

    /// <summary>Whose this mapping is: <c>editorial</c>, by this project (the only value served: an <c>official</c> one would have to name where the city published it, and the seed has no field for that). The mapping's, not the labels': those are the scheme's publisher's (see the scheme's <c>note</c>).</summary>
    /// <example>editorial</example>
    public required string Provenance { get; init; }

    /// <summary>Why (Japanese, one line).</summary>
    /// <example>「将来の医療需要を見据えた医療施設の整備」と「地域に密着した医療の充実」はすべての人に健康と福祉を（SDG 3）に当たる。</example>
    public required string Rationale { get; init; }

    /// <summary>Link to the concept.</summary>
    /// <example>{"self":"/api/v1/themes/sdgs/3"}</example>
    public required SelfLink Links { get; init; }

    internal static IReadOnlyList<SubMeasureThemeResource> Of(string subMeasureId)
    {
        if (Labels.LanguageScope.Themes is not { } catalog)
        {
            return [];
        }
        return [.. catalog.OfSubMeasure(subMeasureId).Select(t => (Mapping: t, Concept: catalog.Concept(t.Scheme, t.Code))).Select(x => new SubMeasureThemeResource
        {
            Scheme = x.Mapping.Scheme, Code = x.Mapping.Code, Notation = x.Concept?.Notation ?? "", Label = x.Concept?.Label ?? "", LabelEn = x.Concept?.LabelEn ?? "",
            Provenance = x.Mapping.Provenance, Rationale = x.Mapping.Rationale,
            Links = new SelfLink { Self = ApiLinks.ThemeConcept(x.Mapping.Scheme, x.Mapping.Code) },
        })];
    }
}
