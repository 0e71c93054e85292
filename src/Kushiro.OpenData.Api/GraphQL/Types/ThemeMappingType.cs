using GraphQL.Types;

namespace Kushiro.OpenData.Api.GraphQL.Types;

public sealed class ThemeMappingType : ObjectGraphType<ThemeMappingRef>
{
    public ThemeMappingType()
    {
        Name = "ThemeMapping";
        Description = "A sub-measure's mapping, or a basic goal's alignment, to one theme concept, with who made it and why.";
        Field<NonNullGraphType<ThemeConceptType>>("concept").Description("The concept.").Resolve(c => c.Source.Concept);
        Field<NonNullGraphType<IdGraphType>>("scheme").Description("The concept's scheme, e.g. \"sdgs\".").Resolve(c => c.Source.Concept.Scheme.Id);
        Field<NonNullGraphType<StringGraphType>>("code").Description("The concept's code, e.g. \"3\".").Resolve(c => c.Source.Concept.Concept.Code);
        Field<NonNullGraphType<StringGraphType>>("provenance").Description("Whose this mapping is: editorial, by this project (the only value served: an official one would have to name where the city published it, and the seed has no field for that). The mapping's, not the concept labels' (see the scheme's note).").Resolve(c => c.Source.Provenance);
        Field<NonNullGraphType<StringGraphType>>("rationale").Description("Why (Japanese, one line).").Resolve(c => c.Source.Rationale);
    }
}
