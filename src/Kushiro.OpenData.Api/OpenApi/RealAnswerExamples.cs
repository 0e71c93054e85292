using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.OpenApi;

/// <summary>
/// Whole examples that are the API's real answers to one request each, on a store fresh from the seed
/// (OpenApi/Examples/{schema}.json, embedded). A list page or a KPI composed from its properties' examples
/// contradicted itself (one item under a total of 47, the 2040 target as the latest observation); a test holds each
/// file to the answer its request gets, and <c>UPDATE_CONTRACTS=1</c> rewrites them with the contracts.
/// </summary>
internal static class RealAnswerExamples
{
    internal const string ResourcePrefix = "openapi-example:";

    /// <summary>Every example: the schema it shows, the request it answers, and the answer.</summary>
    internal static IReadOnlyList<(string Schema, string Request, JsonNode Answer)> All { get; } = Load();

    private static List<(string, string, JsonNode)> Load()
    {
        var assembly = typeof(RealAnswerExamples).Assembly;
        var examples = new List<(string, string, JsonNode)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonNode.Parse(stream)!.AsObject();
            examples.Add((name[ResourcePrefix.Length..], (string)file["request"]!, file["answer"]!.DeepClone()));
        }
        return examples;
    }
}
