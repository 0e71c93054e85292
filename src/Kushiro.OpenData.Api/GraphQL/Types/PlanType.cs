using GraphQL;
using GraphQL.Types;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.GraphQL.Types;

/// <remarks>Resolved from the whole graph, so the plan can list its goals and say when the data last changed.</remarks>
public sealed class PlanType : ObjectGraphType<StrategyGraph>
{
    public PlanType()
    {
        Name = "Plan";
        Description = "The strategy itself: 第2期釧路市まち・ひと・しごと創生総合戦略, Kushiro City's second-period regional revitalisation strategy.";
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Stable ID of the plan.")
            .Resolve(c => c.Source.Plan.Id);
        Field<NonNullGraphType<StringGraphType>>("title")
            .Description("Title of the plan, as in the source document.")
            .Resolve(c => c.Source.Plan.Title);
        Field<NonNullGraphType<StringGraphType>>("status")
            .Description("The source document's own status, e.g. 施策体系案 (draft policy structure).")
            .Resolve(c => c.Source.Plan.Status);
        Field<NonNullGraphType<MunicipalityType>>("municipality")
            .Description("The municipality whose plan this is, with its 全国地方公共団体コード.")
            .Resolve(c => c.Source.Plan.Municipality);
        Field<NonNullGraphType<SourceDocumentType>>("sourceDocument")
            .Description("The document the policy structure was taken from.")
            .Resolve(c => c.Source.Plan.SourceDocument);
        Field<NonNullGraphType<LicenceType>>("licence")
            .Description("Licence of the city's text (titles and descriptions).")
            .Resolve(c => c.Source.Plan.Licence);
        Field<NonNullGraphType<LicenceType>>("editorialLicence")
            .Description("Licence of what this project adds (English labels, mappings, structure).")
            .Resolve(c => c.Source.Plan.EditorialLicence);
        Field<NonNullGraphType<DateTimeTextGraphType>>("lastModified")
            .Description("When the data last changed: the time of the latest change, as exactly as the changes feed (REST's /api/v1/changes) dates it, so it may be sent there as since.")
            .Resolve(c => c.Source.DataModified);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GoalType>>>>("goals")
            .Description("The plan's basic goals (基本目標), in document order.")
            .Resolve(c => c.Source.Goals)
            .WithComplexityImpact(1, GraphQLLimits.Goals);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiType>>>>("kpis")
            .Description("The plan's own numeric targets (数値目標), such as the population outlook.")
            .Resolve(c => c.Source.Kpis.Where(k => k.Kpi.Level == Kpis.KpiLevel.Plan))
            .WithComplexityImpact(GraphQLLimits.PricedAtLeast(GraphQLLimits.KpisPerOwner, s => s.KpisPerOwner));
    }
}
