using GraphQL.Types;
using Kushiro.OpenData.Api.Kpis;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class KpiProgressType : ObjectGraphType<KpiProgressResource>
{
    public KpiProgressType()
    {
        Name = "KpiProgress";
        Description = "Where a KPI stands against one of its targets.";
        Field<NonNullGraphType<StringGraphType>>("targetPeriod").Description("The target's period.").Resolve(c => c.Source.TargetPeriod);
        Field<NonNullGraphType<CalendarDateGraphType>>("targetPeriodEnd").Description("The target period's last day (as a figure's periodEnd).").Resolve(c => c.Source.TargetPeriodEnd);
        Field<NonNullGraphType<ExactDecimalGraphType>>("targetValue").Description("The target's value.").Resolve(c => c.Source.TargetValue);
        Field<StringGraphType>("latestPeriod").Description("Period of the latest observation, or null before the first.").Resolve(c => c.Source.LatestPeriod);
        Field<CalendarDateGraphType>("latestPeriodEnd").Description("The latest observation's period's last day, or null before the first: final compares it with targetPeriodEnd.").Resolve(c => c.Source.LatestPeriodEnd);
        Field<ExactDecimalGraphType>("latestValue").Description("The latest observed value, or null.").Resolve(c => c.Source.LatestValue);
        Field<ExactDecimalGraphType>("difference").Description("Latest value minus target value.").Resolve(c => c.Source.Difference);
        Field<ExactDecimalGraphType>("ratio").Description("Share of the way from baseline to target covered (0 at the baseline, 1 at the target), rounded to 4 decimal places (half to even); null without a baseline or for maintain.").Resolve(c => c.Source.Ratio);
        Field<BooleanGraphType>("met").Description("Whether the latest value meets the target in the KPI's direction; null before the first observation.").Resolve(c => c.Source.Met);
        Field<NonNullGraphType<BooleanGraphType>>("final").Description("Whether the latest observation's period ends no earlier than the target's, so that met is the outcome, not a snapshot.").Resolve(c => c.Source.Final);
    }
}
