using GraphQL;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>The GraphQL schema, its limits and its endpoints.</summary>
public static class GraphQLSetup
{
    public static IServiceCollection AddGraphQLApi(this IServiceCollection services)
    {
        services.AddGraphQL(b => b
            .AddSchema<StrategySchema>()
            .AddGraphTypes(typeof(StrategySchema).Assembly)
            .AddSerializer<AnswerSerializer>()
            .AddErrorInfoProvider<VisibleErrorInfoProvider>()
            .AddComplexityAnalyzer(c =>
            {
                c.MaxDepth = GraphQLLimits.MaxDepth;
                c.MaxComplexity = GraphQLLimits.MaxComplexity;
                c.DefaultComplexityImpactDelegate = GraphQLLimits.IntrospectionPricedFlat(c.DefaultComplexityImpactDelegate);
                c.ValidateComplexityDelegate = GraphQLLimits.DepthErrorSaysTheDocumentsDepth;
            })
            .AddValidationRule<MaxAliasesRule>()
            .AddValidationRule<MaxSearchesRule>()
            .ConfigureExecution<ValidatedDocuments>()
            .ConfigureExecutionOptions(o => o.UnhandledExceptionDelegate = context =>
            {
                // A resolver bug answers as a GraphQL error; the log keeps what the client must not see.
                o.RequestServices!.GetRequiredService<ILogger<StrategySchema>>().LogError(context.OriginalException, "GraphQL resolver failed");
                return Task.CompletedTask;
            }));
        GraphQLTimeoutOptions.Register(services);
        return services;
    }

    public static IEndpointRouteBuilder MapGraphQLEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(GraphQLEndpoint.Path, GraphQLEndpoint.HandleAsync).ExcludeFromDescription();
        endpoints.MapMethods(GraphQLEndpoint.Path + "/schema.graphql", [HttpMethods.Get, HttpMethods.Head], SchemaDefinition.Get)
            .ExcludeFromDescription();
        return endpoints;
    }
}
