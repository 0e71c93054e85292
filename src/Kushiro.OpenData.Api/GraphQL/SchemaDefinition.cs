using GraphQL;
using GraphQL.Types;

namespace Kushiro.OpenData.Api.GraphQL;

/// <summary>The schema as SDL: what /graphql/schema.graphql serves and openapi/schema.graphql commits.</summary>
public static class SchemaDefinition
{
    public static IResult Get(StrategySchema schema) => Results.Text(Print(schema), "text/plain; charset=utf-8");

    public static string Print(ISchema schema) => schema.Print(new() { IncludeDescriptions = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
}
