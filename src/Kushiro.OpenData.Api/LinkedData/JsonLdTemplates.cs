using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.LinkedData;

/// <summary>The context and vocabulary documents (embedded files), with the deployment's base IRI filled in.</summary>
public static class JsonLdTemplates
{
    public const string MediaType = "application/ld+json";
    // Filled documents by base IRI. Without LinkedData:BaseIri the base is each request's Host, which a client chooses:
    // unbounded, a client sending a new Host each time kept about 50 KB more per request for good. When full it starts
    // again; a deployment serves one or two bases.
    private static readonly ConcurrentDictionary<(string, string), string> Filled = new();
    private const int MaxFilled = 16;

    // How many filled documents are kept (for tests).
    internal static int FilledCount => Filled.Count;

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

    private static string Fill(string name, LinkedDataIris iris)
    {
        if (Filled.TryGetValue((name, iris.Base), out var filled))
        {
            return filled;
        }
        if (Filled.Count >= MaxFilled)
        {
            Filled.Clear();
        }
        return Filled.GetOrAdd((name, iris.Base), Read);
    }

    private static string Read((string Name, string Base) key)
    {
        using var stream = typeof(JsonLdTemplates).Assembly.GetManifestResourceStream(key.Name)
            ?? throw new InvalidOperationException($"Embedded resource {key.Name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{base}", key.Base, StringComparison.Ordinal);
    }
}
