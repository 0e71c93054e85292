using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Kpis;

namespace Kushiro.OpenData.Api.Strategy.ReadModel;

/// <summary>
/// The whole strategy tree as one immutable, fully linked object graph, loaded from the store in a fixed number
/// of queries. Resolvers walk it in memory, so no request costs one store read per node and no request shares a
/// DbContext between parallel resolvers.
/// </summary>
public sealed class StrategyGraph
{
    private readonly Dictionary<string, GoalNode> goalsById;
    private readonly Dictionary<string, MeasureNode> measuresById;
    private readonly Dictionary<string, SubMeasureNode> subMeasuresById;
    private readonly Dictionary<string, KpiNode> kpisById;

    internal StrategyGraph(
        PlanNode plan, IReadOnlyList<GoalNode> goals, IReadOnlyList<KpiNode> kpis, DateTimeOffset lastModified, Changes.ChangeDates changeDates,
        Labels.EnglishLabels labels)
    {
        ChangeDates = changeDates;
        Kpis = kpis;
        kpisById = kpis.ToDictionary(k => k.Kpi.Id, StringComparer.Ordinal);
        Plan = plan;
        Goals = goals;
        Measures = [.. goals.SelectMany(g => g.Measures)];
        SubMeasures = [.. Measures.SelectMany(m => m.SubMeasures)];
        Stamp = lastModified;
        LastModified = DatasetVersion.WholeSeconds(lastModified);
        goalsById = goals.ToDictionary(g => g.Id, StringComparer.Ordinal);
        measuresById = Measures.ToDictionary(m => m.Id, StringComparer.Ordinal);
        subMeasuresById = SubMeasures.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Search = Api.Search.SearchIndex.Of(this, labels);
        KpiListSizes = new(kpis.Count,
            kpis.Select(k => k.Kpi.MeasureId ?? k.Kpi.GoalId ?? "").GroupBy(owner => owner).Select(g => g.Count()).DefaultIfEmpty().Max(),
            kpis.Select(k => k.Observations.Count).DefaultIfEmpty().Max(),
            kpis.Select(k => k.Kpi.Targets.Count).DefaultIfEmpty().Max());
    }

    /// <summary>The largest KPI lists of this snapshot: staff can grow them, so GraphQL prices them by what they hold.</summary>
    public KpiListSizes KpiListSizes { get; }

    /// <summary>The full-text index of this snapshot, built with it, so it changes exactly when the data does.</summary>
    public Api.Search.SearchIndex Search { get; }

    public PlanNode Plan { get; }

    /// <summary>Basic goals in document order; measures and sub-measures below in document order too.</summary>
    public IReadOnlyList<GoalNode> Goals { get; }
    public IReadOnlyList<MeasureNode> Measures { get; }
    public IReadOnlyList<SubMeasureNode> SubMeasures { get; }

    /// <summary>All numeric targets and KPIs, in document order.</summary>
    public IReadOnlyList<KpiNode> Kpis { get; }

    /// <summary>The store's exact change stamp this graph was read at.</summary>
    public DateTimeOffset Stamp { get; }

    /// <summary>The same in whole seconds, as the Last-Modified header carries it.</summary>
    public DateTimeOffset LastModified { get; }

    /// <summary>When each kind of resource last changed, as the changes feed records it (the catalog's dates).</summary>
    public Changes.ChangeDates ChangeDates { get; }

    /// <summary>
    /// When the data last changed, as exactly as the changes feed dates it (the catalog's own <c>modified</c>): what
    /// bodies say. Not <see cref="LastModified"/>: a write's stamp is the start of the second after it, which the
    /// header carries only once that second is over, so in a body it dated the write before it happened, a later write
    /// within that second shared it (a harvester sending it as If-Modified-Since was told 304 and kept older bytes),
    /// and the changes feed's <c>since</c> given it left out the writes made before it.
    /// </summary>
    public DateTimeOffset DataModified => ChangeDates.Latest ?? LastModified;

    public GoalNode? Goal(string id) => goalsById.GetValueOrDefault(id);
    public MeasureNode? Measure(string id) => measuresById.GetValueOrDefault(id);
    public SubMeasureNode? SubMeasure(string id) => subMeasuresById.GetValueOrDefault(id);
    public KpiNode? Kpi(string id) => kpisById.GetValueOrDefault(id);
}

/// <summary>How many KPIs there are, and the most one owner (the plan, a goal or a measure), one KPI's observations and its targets hold.</summary>
public sealed record KpiListSizes(int Kpis, int KpisPerOwner, int ObservationsPerKpi, int TargetsPerKpi);

public sealed record PlanNode(
    string Id, string Title, string Status, MunicipalityNode Municipality,
    SourceDocument SourceDocument, Licence Licence, Licence EditorialLicence);

public sealed record MunicipalityNode(string LocalGovernmentCode, string Name, PrefectureNode Prefecture);

public sealed record PrefectureNode(string LocalGovernmentCode, string Name);

public sealed class GoalNode(string id, string marker, string title, int order)
{
    public string Id { get; } = id;
    public string Marker { get; } = marker;
    public string Title { get; } = title;
    public int Order { get; } = order;
    public IReadOnlyList<MeasureNode> Measures { get; internal set; } = [];

    /// <summary>The goal's own numeric targets.</summary>
    public IReadOnlyList<KpiNode> Kpis { get; internal set; } = [];
}

public sealed class MeasureNode(string id, string marker, string title, int order, GoalNode goal)
{
    public string Id { get; } = id;
    public string Marker { get; } = marker;
    public string Title { get; } = title;
    public int Order { get; } = order;
    public GoalNode Goal { get; } = goal;
    public IReadOnlyList<SubMeasureNode> SubMeasures { get; internal set; } = [];
    public IReadOnlyList<KpiNode> Kpis { get; internal set; } = [];
}

public sealed class SubMeasureNode(SubMeasure row, MeasureNode measure)
{
    public string Id { get; } = row.Id;
    public string Marker { get; } = row.Marker;
    public string Title { get; } = row.Title;
    public string Description { get; } = row.Description;
    public string? TitleAsExtracted { get; } = row.TitleAsExtracted;
    public string? DescriptionAsExtracted { get; } = row.DescriptionAsExtracted;
    public int Order { get; } = row.Order;
    public MeasureNode Measure { get; } = measure;
    public GoalNode Goal => Measure.Goal;
    public SubMeasureNode? RelistingOf { get; internal set; }
    public IReadOnlyList<SubMeasureNode> RelistedAs { get; internal set; } = [];

    /// <summary>
    /// Whether it stays in a list asked for with <c>relisted</c> (REST's parameter, GraphQL's argument): only the
    /// originals (false), only the re-listings (再掲, true), or both (null).
    /// </summary>
    public bool KeptBy(bool? relisted) => relisted is null || (RelistingOf is not null) == relisted;
}

/// <summary>A KPI as REST serves it, with its observations (oldest first).</summary>
public sealed record KpiNode(KpiResource Kpi, IReadOnlyList<KpiFigureResource> Observations);
