using GraphQL;
using GraphQL.Types;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class ThemeConceptType : ObjectGraphType<ThemeConceptRef>
{
    public ThemeConceptType()
    {
        Name = "ThemeConcept";
        Description = "One concept of a theme scheme, e.g. SDG 14 or the policy field energy. The same as REST's /api/v1/themes/{scheme}/{code}.";
        Field<NonNullGraphType<IdGraphType>>("scheme").Description("ID of its scheme, e.g. \"sdgs\".").Resolve(c => c.Source.Scheme.Id);
        Field<NonNullGraphType<StringGraphType>>("code").Description("Stable code within the scheme, e.g. \"14\"; scheme:code is what theme filters take.").Resolve(c => c.Source.Concept.Code);
        Field<NonNullGraphType<StringGraphType>>("notation").Description("The concept's notation, e.g. SDG 14, ① (a デジ田 theme) or 産業・雇用.").Resolve(c => c.Source.Concept.Notation);
        Field<NonNullGraphType<StringGraphType>>("label").Description("Its label (Japanese), as the scheme's publisher gives it; the scheme's source and note say where this project checked it.").Resolve(c => c.Source.Concept.Label);
        Field<NonNullGraphType<StringGraphType>>("labelEn").Description("Its English label (the publisher's where it has one, else this project's).").Resolve(c => c.Source.Concept.LabelEn);
        Field<NonNullGraphType<StringGraphType>>("labelEnProvenance").Description("Whose the English label is: official (the publisher's own words, the UN's short titles for the SDGs) or editorial (this project's translation).").Resolve(c => c.Source.Scheme.LabelEnProvenance);
        Field<StringGraphType>("iri").Description("The publisher's own IRI for it, where one exists (the UN's http://metadata.un.org/sdg/{n} for SDGs).").Resolve(c => c.Source.Concept.Iri);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubMeasureType>>>>("subMeasures")
            .Description("The sub-measures mapped to this concept, in document order: the same as REST's /api/v1/themes/{scheme}/{code}/sub-measures.")
            .Argument<BooleanGraphType>(RelistedArgument.Name, RelistedArgument.Description)
            .Resolve(c =>
            {
                var catalog = c.Catalog();
                var relisted = c.GetArgument<bool?>(RelistedArgument.Name);
                return ((StrategyGraph)c.RootValue!).SubMeasures
                    .Where(s => s.KeptBy(relisted) && catalog.OfSubMeasure(s.Id).Any(t => t.Scheme == c.Source.Scheme.Id && t.Code == c.Source.Concept.Code));
            })
            .WithComplexityImpact(1, GraphQLLimits.SubMeasuresPerConcept);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GoalType>>>>("alignedGoals")
            .Description("The basic goals aligned to this concept as a whole (national and digiden schemes; empty for the others), in document order.")
            .Resolve(c =>
            {
                var aligned = c.Catalog().Alignments.Where(a => a.Scheme == c.Source.Scheme.Id && a.Code == c.Source.Concept.Code).Select(a => a.GoalId).ToHashSet();
                return ((StrategyGraph)c.RootValue!).Goals.Where(g => aligned.Contains(g.Id));
            })
            .WithComplexityImpact(1, GraphQLLimits.Goals);
    }
}
