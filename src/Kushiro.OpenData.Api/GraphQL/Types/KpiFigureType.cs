using GraphQL.Types;
using Kushiro.OpenData.Api.Kpis;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class KpiFigureType : ObjectGraphType<KpiFigureResource>
{
    public KpiFigureType()
    {
        Name = "KpiFigure";
        Description = "One figure of a KPI: a baseline, a target or an observation, with where it comes from.";
        Field<NonNullGraphType<StringGraphType>>("period").Description("\"2040\" (calendar year), \"FY2020\" (fiscal year 年度, April to March) or \"2010-10-01\" (a date).").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<CalendarDateGraphType>>("periodEnd").Description("The period's last day: 2040 → 2040-12-31, FY2020 → 2021-03-31, a date itself. Figures are ordered by it, so a series whose sources write years and days (1980, 2010-10-01) sorts on it.").Resolve(c => c.Source.PeriodEnd);
        Field<NonNullGraphType<ExactDecimalGraphType>>("value").Description("The value, in the KPI's unit.").Resolve(c => c.Source.Value);
        Field<StringGraphType>("note").Description("Anything a reader needs to know about this figure (Japanese), or null.").Resolve(c => c.Source.Note);
        Field<NonNullGraphType<FigureSourceType>>("source").Description("Where the figure was published.").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<StringGraphType>>("provenance").Description("official (published by the city or another public body) or editorial (added by this project).").Resolve(c => c.Source.Provenance);
        Field<NonNullGraphType<StringGraphType>>("origin").Description("seed or staff: who maintains this figure.").Resolve(c => c.Source.Origin);
    }
}
