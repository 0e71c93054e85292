using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.Tests.LinkedData;

/// <summary>The nodes of a JSON-LD document as the tests walk it.</summary>
public static class JsonLdNodes
{
    /// <summary>Every object in the document but value objects ({"@value": …}), the document's own top level too
    /// (not a whole-store export's, which only holds its @graph); nothing inside @context.</summary>
    public static IEnumerable<JsonObject> Of(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o when !o.ContainsKey("@value"):
                if (!o.ContainsKey("@graph"))
                {
                    yield return o;
                }
                foreach (var (key, value) in o)
                {
                    if (key != "@context")
                    {
                        foreach (var inner in Of(value))
                        {
                            yield return inner;
                        }
                    }
                }
                break;
            case JsonArray a:
                foreach (var inner in a.SelectMany(Of))
                {
                    yield return inner;
                }
                break;
        }
    }
}
