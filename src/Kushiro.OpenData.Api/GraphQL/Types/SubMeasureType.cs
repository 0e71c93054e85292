using GraphQL;
using GraphQL.Types;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class SubMeasureType : ObjectGraphType<SubMeasureNode>
{
    public SubMeasureType()
    {
        Name = "SubMeasure";
        Description = "A sub-measure (施策・細節) under a measure: the plan's most concrete level.";
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Stable ID of the sub-measure: {goal}-{n}-{m}, e.g. \"4-2-2\". The same ID as in the REST API.")
            .Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("marker")
            .Description("The sub-measure's marker as printed in the document, e.g. (ア).")
            .Resolve(c => c.Source.Marker);
        Field<NonNullGraphType<StringGraphType>>("title")
            .Description("Title of the sub-measure, exactly as in the source document (Japanese).")
            .Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("description")
            .Description("What the sub-measure does, as in the source document (Japanese).")
            .Resolve(c => c.Source.Description);
        Field<StringGraphType>("titleAsExtracted")
            .Description("The title as extracted from the PDF, where the seed repairs extraction damage; null when identical to title.")
            .Resolve(c => c.Source.TitleAsExtracted);
        Field<StringGraphType>("descriptionAsExtracted")
            .Description("The description as extracted from the PDF, where the seed repairs extraction damage (e.g. 1-1-1); null when identical to description.")
            .Resolve(c => c.Source.DescriptionAsExtracted);
        Field<NonNullGraphType<IntGraphType>>("order")
            .Description("Position among the measure's sub-measures, from 1.")
            .Resolve(c => c.Source.Order);
        Field<NonNullGraphType<MeasureType>>("measure")
            .Description("The measure (施策・節) the sub-measure belongs to.")
            .Resolve(c => c.Source.Measure);
        Field<NonNullGraphType<GoalType>>("goal")
            .Description("The basic goal (基本目標) the sub-measure belongs to.")
            .Resolve(c => c.Source.Goal);
        Field<EnglishLabelType>("en")
            .Description("The sub-measure's English title and short description (this project's translation, provenance editorial); null if it has none.")
            .Resolve(c => c.English("sub-measure", c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeMappingType>>>>("themes")
            .Description("The sub-measure's mappings to theme concepts (SDGs, national goals, デジ田 themes, policy fields), each with provenance and rationale, in seed order: the same as REST's sub-measure themes.")
            .Argument<IdGraphType>("scheme", "Only mappings to this scheme, e.g. \"sdgs\". An unknown scheme is an error naming it.")
            .ValidatesThemes()
            .Resolve(c => c.Catalog().MappingsOf(c.Source.Id, c.SchemeArgument()))
            .WithComplexityImpact(1, GraphQLLimits.MappingsPerSubMeasure);
        Field<SubMeasureType>("relistingOf")
            .Description("For a re-listing (再掲) such as 4-2-2: the original sub-measure it repeats. Null for originals.")
            .Resolve(c => c.Source.RelistingOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubMeasureType>>>>("relistedAs")
            .Description("Re-listings (再掲) of this sub-measure elsewhere in the plan, in document order; empty for most.")
            .Resolve(c => c.Source.RelistedAs)
            .WithComplexityImpact(1, GraphQLLimits.RelistingsPerSubMeasure);
    }
}
