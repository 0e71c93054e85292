using System.Text;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>The object types of the served GraphQL schema, read by introspection, and REST answers held against them.</summary>
internal sealed class GraphQLSchemaTypes(Dictionary<string, Dictionary<string, GraphQLSchemaTypes.Field>> types)
{
    /// <summary>A field's named type, whether that type has fields of its own, and whether the field is a list.</summary>
    public sealed record Field(string TypeName, bool IsObject, bool IsList);

    public static async Task<GraphQLSchemaTypes> ReadAsync(HttpClient client)
    {
        const string TypeRef = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";
        var data = (await client.PostGraphQLAsync($"{{ __schema {{ types {{ name fields {{ name type {{ {TypeRef} }} }} }} }} }}")).Data;
        var types = new Dictionary<string, Dictionary<string, Field>>();
        foreach (var type in data.GetProperty("__schema").GetProperty("types").EnumerateArray())
        {
            if (type.GetProperty("fields").ValueKind == JsonValueKind.Array)
            {
                types[type.Text("name")] = type.GetProperty("fields").EnumerateArray().ToDictionary(f => f.Text("name"), f => Unwrap(f.GetProperty("type")));
            }
        }
        return new GraphQLSchemaTypes(types);
    }

    private static Field Unwrap(JsonElement type)
    {
        var isList = false;
        while (type.Text("kind") is "NON_NULL" or "LIST")
        {
            isList |= type.Text("kind") == "LIST";
            type = type.GetProperty("ofType");
        }
        return new Field(type.Text("name"), type.Text("kind") is "OBJECT" or "INTERFACE", isList);
    }

    /// <summary>The GraphQL selection of every REST field the type has, nested objects and lists by their REST shape.</summary>
    public string Selection(JsonElement rest, string typeName)
    {
        var fields = types[typeName];
        var selection = new StringBuilder("{ __typename");
        foreach (var property in Shape(rest))
        {
            if (!fields.TryGetValue(property.Key, out var field))
            {
                continue; // links, counts and the like: GraphQLRestFieldsTests says what GraphQL has instead
            }
            selection.Append(' ').Append(property.Key);
            if (field.IsObject)
            {
                // REST gives an object (or a list of them) in the same shape, or the ID of the record GraphQL gives.
                // Null everywhere leaves nothing to compare but the null itself.
                var objects = property.Value.Where(v => v.ValueKind == JsonValueKind.Object).ToList();
                selection.Append(' ').Append(
                    objects.Count > 0 ? Selection(Merged(objects), field.TypeName)
                    : property.Value.Any(v => v.ValueKind == JsonValueKind.String) ? "{ id }"
                    : "{ __typename }");
            }
        }
        return selection.Append(" }").ToString();
    }

    public void AssertSameValues(JsonElement rest, JsonElement graphQL, string typeName, string path)
    {
        var fields = types[typeName];
        foreach (var property in rest.EnumerateObject())
        {
            if (!fields.TryGetValue(property.Name, out var field))
            {
                continue;
            }
            var where = $"{path}: {property.Name}";
            var theirs = graphQL.GetProperty(property.Name);
            if (field.IsList && property.Value.ValueKind == JsonValueKind.Array)
            {
                var mine = property.Value.EnumerateArray().ToList();
                var given = theirs.EnumerateArray().ToList();
                Assert.True(mine.Count == given.Count, $"{where} has {mine.Count} items in REST, {given.Count} in GraphQL");
                for (var i = 0; i < mine.Count; i++)
                {
                    AssertSameValue(mine[i], given[i], field, $"{where}[{i}]");
                }
            }
            else
            {
                AssertSameValue(property.Value, theirs, field, where);
            }
        }
    }

    private void AssertSameValue(JsonElement rest, JsonElement graphQL, Field field, string where)
    {
        if (rest.ValueKind == JsonValueKind.Null || graphQL.ValueKind == JsonValueKind.Null)
        {
            Assert.True(rest.ValueKind == graphQL.ValueKind, $"{where} is {rest} in REST, {graphQL} in GraphQL");
        }
        else if (field.IsObject && rest.ValueKind == JsonValueKind.Object)
        {
            AssertSameValues(rest, graphQL, field.TypeName, where);
        }
        else if (field.IsObject)
        {
            Assert.True(rest.GetString() == graphQL.Text("id"), $"{where} is {rest} in REST, {graphQL} in GraphQL");
        }
        else if (rest.ValueKind == JsonValueKind.Number)
        {
            // GraphQL's Float writes 181169 as it likes; the number is what counts.
            Assert.True(graphQL.ValueKind == JsonValueKind.Number && rest.GetDecimal() == graphQL.GetDecimal(), $"{where} is {rest} in REST, {graphQL} in GraphQL");
        }
        else if (field.TypeName == "DateTimeOffset")
        {
            Assert.True(DateTimeOffset.Parse(rest.GetString()!) == DateTimeOffset.Parse(graphQL.GetString()!), $"{where} is {rest} in REST, {graphQL} in GraphQL");
        }
        else
        {
            Assert.True(rest.GetRawText() == graphQL.GetRawText(), $"{where} is {rest.GetRawText()} in REST, {graphQL.GetRawText()} in GraphQL");
        }
    }

    // Each field of an object, with its value; of a list, with every item's value.
    private static IEnumerable<KeyValuePair<string, List<JsonElement>>> Shape(JsonElement rest) =>
        rest.EnumerateObject().Select(p => KeyValuePair.Create(p.Name,
            p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().ToList() : [p.Value]));

    // The objects of a list as one object holding every field any of them has, so that the selection asks for all.
    private static JsonElement Merged(List<JsonElement> objects)
    {
        var merged = new Dictionary<string, JsonElement>();
        foreach (var property in objects.SelectMany(o => o.EnumerateObject()))
        {
            if (!merged.TryGetValue(property.Name, out var kept) || kept.ValueKind is JsonValueKind.Null || (kept.ValueKind == JsonValueKind.Array && kept.GetArrayLength() == 0))
            {
                merged[property.Name] = property.Value;
            }
        }
        return JsonSerializer.SerializeToElement(merged);
    }
}
