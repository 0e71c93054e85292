using GraphQLParser.AST;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>
/// Refuses documents with more than <see cref="GraphQLLimits.MaxSearches"/> <c>search</c> fields. A search costs
/// its terms, which the complexity budget does not see: 99 aliased searches of 99 common characters each passed every
/// other limit and took about 140 ms of CPU per request, a hundred times a usual query (a security review).
/// </summary>
public sealed class MaxSearchesRule : CountedFieldsRule
{
    protected override int Limit => GraphQLLimits.MaxSearches;

    protected override string Code => "MAX_SEARCHES";

    // Only Query has a field of this name, and a fragment spread twice at the root merges into one execution, so the
    // fields as written are the searches run.
    protected override bool Counts(GraphQLField field) => field.Name.Value == "search";

    protected override string Refusal(int limit) => $"The document searches more than {limit} times; split it into smaller queries.";
}
