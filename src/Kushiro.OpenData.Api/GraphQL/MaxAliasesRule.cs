using GraphQL.Validation;
using GraphQLParser.AST;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// Refuses documents with more than <see cref="GraphQLLimits.MaxAliases"/> aliased fields. Aliases let one
/// small document ask for the same field thousands of times, which the complexity budget prices only per field.
/// </summary>
public sealed class MaxAliasesRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var count = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            if (field.Alias is not null && ++count == GraphQLLimits.MaxAliases + 1)
            {
                ctx.ReportError(new ValidationError(
                    $"The document uses more than {GraphQLLimits.MaxAliases} aliases; split it into smaller queries.") { Code = "MAX_ALIASES" });
            }
        }));
    }
}
