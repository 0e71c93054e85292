using GraphQLParser.AST;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// Refuses documents with more than <see cref="GraphQLLimits.MaxAliases"/> aliased fields. Aliases let one
/// small document ask for the same field thousands of times, which the complexity budget prices only per field.
/// </summary>
public sealed class MaxAliasesRule : CountedFieldsRule
{
    protected override int Limit => GraphQLLimits.MaxAliases;

    protected override string Code => "MAX_ALIASES";

    protected override bool Counts(GraphQLField field) => field.Alias is not null;

    protected override string Refusal(int limit) => $"The document uses more than {limit} aliases; split it into smaller queries.";
}
