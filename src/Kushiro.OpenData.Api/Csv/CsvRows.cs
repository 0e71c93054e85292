using Kushiro.OpenData.Api.Kpis;

namespace Kushiro.OpenData.Api.Csv;

/// <summary>
/// The KPI and role of the figures a list action serves. In JSON a figure sits under its KPI and does not repeat it;
/// a CSV figure row (long format, one row per figure) must, so the action names them in the request's features.
/// </summary>
public sealed record FigureListContext(string KpiId, string KpiName, string Unit, string Role);

/// <summary>A goal's alignment to a concept of a code list, as one CSV row.</summary>
public sealed record AlignmentRow(string GoalId, string Scheme, string Code, string Notation, string Label, string Provenance, string Rationale);

/// <summary>A sub-measure's mapping to a concept, as one CSV row.</summary>
public sealed record SubMeasureThemeRow(string SubMeasureId, string Scheme, string Code, string Notation, string Label, string Provenance, string Rationale);

/// <summary>One figure in long format: the figure with its KPI and role.</summary>
public sealed record FigureRow(FigureListContext List, KpiFigureResource Figure)
{
    public static FigureRow Of(KpiFigureResource figure, HttpContext http) => new(
        http.Features.Get<FigureListContext>()
            ?? throw new InvalidOperationException($"An action that lists KPI figures must set a {nameof(FigureListContext)} for their CSV rows."),
        figure);
}
