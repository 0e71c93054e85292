using System.Text;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>
/// The object types of the served GraphQL schema, read by introspection, and REST answers held against them: each
/// REST field against the GraphQL field of the same name, or against the stand-in listed here. A REST field with
/// neither fails, so a field cannot go uncompared by accident.
/// </summary>
internal sealed class GraphQLSchemaTypes(Dictionary<string, Dictionary<string, GraphQLSchemaTypes.Field>> types)
{
    /// <summary>A field's named type, whether that type has fields of its own, and whether the field is a list.</summary>
    public sealed record Field(string TypeName, bool IsObject, bool IsList);

    /// <summary>Where GraphQL gives a REST field another way: a dotted path to the value, or to the items REST counts.</summary>
    private sealed record StandIn(string Path, bool Count = false);

    // By GraphQL type and REST field (a field of a REST object that GraphQL does not have: "counts.goals").
    private static readonly Dictionary<(string Type, string RestField), StandIn> StandIns = new()
    {
        [("Plan", "counts.goals")] = new("goals", Count: true),
        [("Plan", "counts.measures")] = new("goals.measures", Count: true),
        [("Plan", "counts.subMeasures")] = new("goals.measures.subMeasures", Count: true),
        [("Measure", "goalId")] = new("goal.id"),
        [("SubMeasure", "goalId")] = new("goal.id"),
        [("SubMeasure", "measureId")] = new("measure.id"),
        [("ThemeMapping", "label")] = new("concept.label"),
        [("ThemeMapping", "labelEn")] = new("concept.labelEn"),
        [("ThemeMapping", "notation")] = new("concept.notation"),
        [("Kpi", "observationCount")] = new("observations", Count: true),
    };

    // REST's alone: links are how REST is walked, GraphQL is walked by its fields.
    private static readonly HashSet<string> RestOnly = ["links"];

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

    /// <summary>
    /// The whole tree (plan → goals → measures → sub-measures, and the KPIs of each level) with every field of every
    /// type in it, each type's fields a fragment, or <paramref name="writtenOut"/> in place: a field the schema gains is
    /// in it without a change here. A field that leads to another node of the tree than the ones below (a parent, a
    /// re-listing) selects its ID; a concept's own sub-measures and aligned goals are the code lists' navigation, which
    /// a query of their own walks.
    /// </summary>
    public string WholeTreeWithEveryField(bool writtenOut = false)
    {
        string[] tree = ["Plan", "Goal", "Measure", "SubMeasure"];
        HashSet<(string, string)> down = [("Plan", "goals"), ("Goal", "measures"), ("Measure", "subMeasures")];
        HashSet<(string, string)> codeListsOwn = [("ThemeConcept", "subMeasures"), ("ThemeConcept", "alignedGoals")];
        var fragments = new Dictionary<string, string>();
        string Fields(string typeName) => string.Join(' ', types[typeName].Where(f => !codeListsOwn.Contains((typeName, f.Key))).Select(f =>
            !f.Value.IsObject ? f.Key
            : tree.Contains(f.Value.TypeName) && !down.Contains((typeName, f.Key)) ? $"{f.Key} {{ id }}"
            : $"{f.Key} {{ {(writtenOut ? Fields(f.Value.TypeName) : Spread(f.Value.TypeName))} }}"));
        string Spread(string typeName)
        {
            if (fragments.TryAdd(typeName, ""))
            {
                fragments[typeName] = $"fragment {typeName}Fields on {typeName} {{ {Fields(typeName)} }}";
            }
            return $"...{typeName}Fields";
        }
        var plan = $"{{ plan {{ {(writtenOut ? Fields("Plan") : Spread("Plan"))} }} }}";
        return string.Join('\n', [plan, .. fragments.Values]);
    }

    /// <summary>The REST answer at this URL, English included, against GraphQL's field for the same record.</summary>
    public async Task AssertSameRecordAsync(HttpClient client, string url, string graphQLField, string? id, string typeName)
    {
        var rest = await client.GetJsonAsync(url + "?lang=en");
        var arguments = id is null ? "" : $"(id: {JsonSerializer.Serialize(id)})";
        var graphQL = (await client.PostGraphQLAsync($"{{ {graphQLField}{arguments} {Selection(rest, typeName)} }}")).Data.GetProperty(graphQLField);
        AssertSameValues(rest, graphQL, typeName, url);
    }

    /// <summary>
    /// A KPI's observations, which REST's KPI only counts: its own list (every page's items, in order) against
    /// GraphQL's.
    /// </summary>
    public async Task AssertSameObservationsAsync(HttpClient client, string kpiId)
    {
        var url = $"/api/v1/kpis/{kpiId}/observations";
        var rest = (await client.GetJsonAsync(url + "?limit=200")).Items().ToList();
        var selection = Selection(rest.Count > 0 ? Merged(rest) : JsonSerializer.SerializeToElement(new { period = "" }), "KpiFigure");
        var graphQL = (await client.PostGraphQLAsync($"{{ kpi(id: {JsonSerializer.Serialize(kpiId)}) {{ observations {selection} }} }}"))
            .Data.GetProperty("kpi").GetProperty("observations").EnumerateArray().ToList();
        Assert.True(rest.Count == graphQL.Count, $"{url} has {rest.Count} items in REST, {graphQL.Count} in GraphQL");
        for (var i = 0; i < rest.Count; i++)
        {
            AssertSameValues(rest[i], graphQL[i], "KpiFigure", $"{url}[{i}]");
        }
    }

    /// <summary>The GraphQL selection of every REST field, nested objects and lists by their REST shape.</summary>
    public string Selection(JsonElement rest, string typeName)
    {
        var fields = types[typeName];
        var selection = new StringBuilder("{ __typename");
        foreach (var (name, values) in Shape(rest))
        {
            if (RestOnly.Contains(name))
            {
                continue;
            }
            if (!fields.TryGetValue(name, out var field))
            {
                foreach (var standIn in StandInsOf(typeName, name, values))
                {
                    selection.Append(' ').Append(PathSelection(standIn.Path.Split('.'), standIn.Count ? " { __typename }" : ""));
                }
                continue;
            }
            selection.Append(' ').Append(name);
            if (field.IsObject)
            {
                // REST gives an object (or a list of them) in the same shape, or the ID of the record GraphQL gives;
                // null everywhere leaves nothing to compare but the null itself.
                var objects = values.Where(v => v.ValueKind == JsonValueKind.Object).ToList();
                selection.Append(' ').Append(
                    objects.Count > 0 ? Selection(Merged(objects), field.TypeName)
                    : values.Any(v => v.ValueKind == JsonValueKind.String) ? "{ id }"
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
            var where = $"{path}: {property.Name}";
            if (RestOnly.Contains(property.Name))
            {
                continue;
            }
            if (!fields.TryGetValue(property.Name, out var field))
            {
                foreach (var (restField, value) in Leaves(property))
                {
                    var standIn = StandIns[(typeName, restField)];
                    var given = Follow(graphQL, standIn.Path.Split('.'));
                    var expected = standIn.Count ? given.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : Assert.Single(given).GetRawText();
                    Assert.True(value.GetRawText() == expected, $"{path}: {restField} is {value.GetRawText()} in REST, {expected} in GraphQL ({standIn.Path})");
                }
                continue;
            }
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

    // The stand-ins of a REST field GraphQL lacks: of the field itself, or of each field of its object.
    private static IEnumerable<StandIn> StandInsOf(string typeName, string name, List<JsonElement> values)
    {
        var restFields = values.FirstOrDefault().ValueKind == JsonValueKind.Object
            ? values[0].EnumerateObject().Select(p => $"{name}.{p.Name}")
            : [name];
        foreach (var restField in restFields)
        {
            Assert.True(StandIns.TryGetValue((typeName, restField), out var standIn),
                $"REST's {restField} has no GraphQL field on {typeName}: give it one, or say here what stands in for it.");
            yield return standIn;
        }
    }

    // The REST values a stand-in is compared with: the field's, or each of its object's fields.
    private static IEnumerable<(string RestField, JsonElement Value)> Leaves(JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.Object
            ? property.Value.EnumerateObject().Select(p => ($"{property.Name}.{p.Name}", p.Value))
            : [(property.Name, property.Value)];

    // "goal.id" as goal { id }; the items a count counts need a selection of their own.
    private static string PathSelection(string[] path, string last) =>
        path.Length == 1 ? path[0] + last : $"{path[0]} {{ {PathSelection(path[1..], last)} }}";

    // Every value at the end of the path, through lists (counted) and objects alike; a list ending the path gives its items.
    private static List<JsonElement> Follow(JsonElement graphQL, string[] path)
    {
        var at = new List<JsonElement> { graphQL };
        foreach (var step in path)
        {
            at = [.. at.Select(e => e.GetProperty(step)).SelectMany(v => v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray()] : new[] { v })];
        }
        return at;
    }

    // Each field of an object, with its value; of a list, with every item's value.
    private static IEnumerable<(string Name, List<JsonElement> Values)> Shape(JsonElement rest) =>
        rest.EnumerateObject().Select(p => (p.Name,
            p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().ToList() : new List<JsonElement> { p.Value }));

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
