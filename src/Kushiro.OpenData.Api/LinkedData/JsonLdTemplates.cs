using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.LinkedData;

/// <summary>The context and vocabulary documents (embedded files), with the deployment's base IRI filled in.</summary>
public static class JsonLdTemplates
{
    public const string MediaType = "application/ld+json";
    private static readonly ConcurrentDictionary<(string, string), string> Filled = new();

    public static string Context(LinkedDataIris iris) => Fill("context.jsonld", iris);

    public static string Vocabulary(LinkedDataIris iris) => Fill("vocabulary.jsonld", iris);

    /// <summary>A new document: the served context first, then the node's own members.</summary>
    public static JsonObject Document(LinkedDataIris iris, JsonObject node)
    {
        var document = new JsonObject { ["@context"] = iris.Context };
        foreach (var (key, value) in node.ToList())
        {
            node.Remove(key);
            document[key] = value;
        }
        return document;
    }

    private static string Fill(string name, LinkedDataIris iris) => Filled.GetOrAdd((name, iris.Base), key =>
    {
        using var stream = typeof(JsonLdTemplates).Assembly.GetManifestResourceStream(key.Item1)
            ?? throw new InvalidOperationException($"Embedded resource {key.Item1} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{base}", key.Item2, StringComparison.Ordinal);
    });
}
