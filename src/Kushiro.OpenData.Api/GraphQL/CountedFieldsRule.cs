using GraphQL.Validation;
using GraphQLParser.AST;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// Refuses a document with more than <see cref="Limit"/> fields of a kind, counted as written: the kinds a small
/// document can repeat to cost far more than its size and its complexity say.
/// </summary>
public abstract class CountedFieldsRule : ValidationRuleBase
{
    protected abstract int Limit { get; }

    protected abstract string Code { get; }

    protected abstract bool Counts(GraphQLField field);

    /// <summary>What the client is told, the limit given.</summary>
    protected abstract string Refusal(int limit);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var count = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            if (Counts(field) && ++count == Limit + 1)
            {
                ctx.ReportError(new ValidationError(Refusal(Limit)) { Code = Code });
            }
        }));
    }
}
