using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Execution;
using Kushiro.OpenData.Api.Strategy.ReadModel;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>The GraphQL schema, its limits and its endpoints.</summary>
public static class GraphQLSetup
{
    public static IServiceCollection AddGraphQLApi(this IServiceCollection services)
    {
        services.AddSingleton<StrategyReadModel>();
        services.AddGraphQL(b => b
            .AddSchema<StrategySchema>()
            .AddGraphTypes(typeof(StrategySchema).Assembly)
            // Japanese stays readable in answers, as in the REST API.
            .AddSystemTextJson(o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddComplexityAnalyzer(c =>
            {
                c.MaxDepth = ComplexityBudget.MaxDepth;
                c.MaxComplexity = ComplexityBudget.MaxComplexity;
                c.DefaultComplexityImpactDelegate = ComplexityBudget.IntrospectionPricedFlat(c.DefaultComplexityImpactDelegate);
            })
            .AddValidationRule<MaxAliasesRule>()
            .WithTimeout(ComplexityBudget.Timeout, TimeoutAction.ReturnTimeoutError));
        return services;
    }

    public static IEndpointRouteBuilder MapGraphQLEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(GraphQLEndpoint.Path, GraphQLEndpoint.HandleAsync).ExcludeFromDescription();
        endpoints.MapGet(GraphQLEndpoint.Path + "/schema.graphql", (StrategySchema schema) =>
                Results.Text(SchemaDefinition.Print(schema), "text/plain; charset=utf-8"))
            .ExcludeFromDescription();
        return endpoints;
    }
}
