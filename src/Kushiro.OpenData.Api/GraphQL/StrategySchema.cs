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
        // A built-in directive of the spec (§3.13) that GraphQL.NET 8 does not list: a tool comparing the SDL with
        // what introspection says (graphql-js's findBreakingChanges) reported it as removed.
        Directives.Register(new SpecifiedByDirective());
    }

    /// <summary><c>@specifiedBy(url: String!) on SCALAR</c>, as the spec defines it; no scalar here uses it.</summary>
    private sealed class SpecifiedByDirective : Directive
    {
        public SpecifiedByDirective()
            : base("specifiedBy", GraphQLParser.AST.DirectiveLocation.Scalar)
        {
            Description = "Exposes a URL that specifies the behavior of this scalar.";
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>>
            {
                Name = "url",
                Description = "The URL that specifies the behavior of this scalar.",
            });
        }

        // Listed by introspection although no scalar here uses it, as the spec's built-in directives are.
        public override bool? Introspectable => true;
    }

    /// <summary>
    /// Two introspection fields of the current spec that GraphQL.NET 8 lacks, and which graphql-js's introspection query
    /// asks for with its options (<c>inputValueDeprecation</c>, <c>specifiedByUrl</c>; GraphiQL's and graphql-codegen's
    /// set them): without them the unknown field or argument failed the whole query.
    /// <c>__Directive.args(includeDeprecated:)</c>: no directive here has a deprecated argument, so every argument is
    /// the answer either way. <c>__Type.specifiedByURL</c>: null, since no scalar here is declared with
    /// <c>@specifiedBy</c> (the SDL has none; each custom scalar's description says what it holds).
    /// </summary>
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        base.OnBeforeInitializeType(graphType);
        if (graphType is global::GraphQL.Introspection.__Directive directive
            && directive.GetField("args") is { } args
            && args.Arguments?.Find("includeDeprecated") is null)
        {
            // Nullable with a default, as GraphQL.NET's own includeDeprecated arguments and graphql-js have it.
            (args.Arguments ??= new QueryArguments()).Add(new QueryArgument<BooleanGraphType>
            {
                Name = "includeDeprecated",
                DefaultValue = false,
            });
        }
        if (graphType is global::GraphQL.Introspection.__Type type && type.GetField("specifiedByURL") is null)
        {
            type.AddField(new FieldType
            {
                Name = "specifiedByURL",
                Description = "`specifiedByURL` may return a String (in the form of a URL) for custom scalars, otherwise it will return `null`.",
                Type = typeof(StringGraphType),
                Resolver = new global::GraphQL.Resolvers.FuncFieldResolver<object?>(_ => null),
            });
        }
    }
}
