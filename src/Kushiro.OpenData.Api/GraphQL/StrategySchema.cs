using GraphQL.Types;
using Kushiro.OpenData.Api.GraphQL.Types;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>The GraphQL schema: queries only (writes go through the REST API's authenticated endpoints).</summary>
public sealed class StrategySchema : Schema
{
    public StrategySchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Description = "Kushiro OpenData: 第2期釧路市まち・ひと・しごと創生総合戦略 as a graph. Titles and descriptions are the city's text, verbatim.";
        Query = query;
        // What current IDEs and code generators ask for in their introspection query.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
    }
}
