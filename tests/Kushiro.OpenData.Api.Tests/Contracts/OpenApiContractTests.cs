using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.Tests.Contracts;

/// <summary>
/// The served OpenAPI document is the committed one in openapi/. A difference means the public contract
/// changed: review it, and if intended, rewrite the file with UPDATE_CONTRACTS=1 (see README).
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class OpenApiContractTests(SharedApiFactory api)
{
    [Fact]
    public async Task ServedOpenApiDocumentIsTheCommittedContract()
    {
        var served = await api.CreateClient().GetStringAsync("/openapi/v1.json");
        var path = RepositoryFiles.Contract("v1.json");
        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACTS") == "1")
        {
            await File.WriteAllTextAsync(path, served.ReplaceLineEndings("\n"));
        }
        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : "{}";
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(committed), JsonNode.Parse(served)),
            "The served OpenAPI document differs from openapi/v1.json. If the change is intended, run "
            + "`UPDATE_CONTRACTS=1 dotnet test --filter Contracts` and commit the file; a breaking change needs a new API version.");
    }

    /// <summary>
    /// What client generators read (.ci/generated-client builds one with NSwag): the JSON answer first, since a method
    /// is typed by the first media type; files as binary; bodies that the server requires marked required; a property
    /// that refers to a schema without a type of its own (with one, generators made a class per property); and "or
    /// null" as a oneOf branch, since 3.0.3 applies allOf to null even beside nullable.
    /// </summary>
    [Fact]
    public async Task TheDocumentIsShapedForClientGenerators()
    {
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var wrong = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    var mediaTypes = response!["content"]?.AsObject().Select(c => c.Key).ToList() ?? [];
                    if (mediaTypes.Contains("application/json") && mediaTypes[0] != "application/json")
                    {
                        wrong.Add($"{method} {path} {status}: {mediaTypes[0]} before application/json");
                    }
                    foreach (var file in mediaTypes.Where(m => m is "text/csv" or "text/plain" or "application/zip"))
                    {
                        if ((string?)response["content"]![file]!["schema"]!["format"] != "binary")
                        {
                            wrong.Add($"{method} {path} {status}: {file} is not format binary");
                        }
                    }
                }
                if (operation["requestBody"] is { } body && body["required"]?.GetValue<bool>() != true)
                {
                    wrong.Add($"{method} {path}: request body not required");
                }
                if (operation["requestBody"] is null && operation["responses"]!["415"] is not null)
                {
                    wrong.Add($"{method} {path}: 415 without a body to refuse");
                }
            }
        }
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            foreach (var (property, definition) in schema!["properties"]?.AsObject() ?? [])
            {
                if (definition!["allOf"] is not null && (definition["type"] is not null || definition["nullable"] is not null))
                {
                    wrong.Add($"{name}.{property}: allOf beside a type or nullable");
                }
            }
        }
        Assert.Empty(wrong);
        var baseline = document["components"]!["schemas"]!["KpiResource"]!["properties"]!["baseline"]!;
        Assert.Equal("#/components/schemas/KpiFigureResource", (string?)baseline["oneOf"]![0]!["$ref"]);
        Assert.True(baseline["oneOf"]![1]!["nullable"]!.GetValue<bool>());
        // Composed examples show the object, not null (SchemaExamplesDocumentFilter follows the oneOf's first branch).
        Assert.IsType<JsonObject>(document["components"]!["schemas"]!["GoalSummary"]!["example"]!["en"]);
        // Figures are exact decimals: "double" would have generators round them.
        Assert.Equal("decimal", (string?)document["components"]!["schemas"]!["KpiFigureResource"]!["properties"]!["value"]!["format"]);
        Assert.Equal("decimal", (string?)document["components"]!["schemas"]!["KpiFigureInput"]!["properties"]!["value"]!["format"]);
    }

    // Generated clients check parameters before sending: a pattern narrower than the API's check would refuse good
    // periods. (ECMA-262 has no \z; the check itself refuses a trailing line break.)
    [Theory]
    [InlineData("2040", true)]
    [InlineData("FY2020", true)]
    [InlineData("2010-10-01", true)]
    [InlineData("1800", true)]
    [InlineData("FY2199", true)]
    [InlineData("20400", false)]
    [InlineData("1799", false)]
    [InlineData("FY20", false)]
    [InlineData("fy2020", false)]
    [InlineData("2010-1-01", false)]
    [InlineData("２０４０", false)]
    public async Task TheDocumentedPeriodPatternAcceptsWhatTheApiAccepts(string period, bool accepted)
    {
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var figure = document["paths"]!["/api/v1/kpis/{id}/{role}/{period}"]!;
        foreach (var method in new[] { "put", "delete" })
        {
            var pattern = (string)figure[method]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "period")!["schema"]!["pattern"]!;
            Assert.Equal(accepted, System.Text.RegularExpressions.Regex.IsMatch(period, pattern, System.Text.RegularExpressions.RegexOptions.ECMAScript));
            Assert.Equal(accepted, Kushiro.OpenData.Api.Kpis.KpiPeriod.TryParse(period, out _));
        }
    }

    [Fact]
    public async Task ASequenceNumberHasNoMaximumThatDoublesWouldRound()
    {
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var after = document["paths"]!["/api/v1/changes"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "after")!["schema"]!;
        Assert.Null(after["maximum"]);
        Assert.Equal(0, after["minimum"]!.GetValue<long>());
    }

    [Fact]
    public async Task EveryObjectWithoutListedPropertiesSaysWhatItsPropertiesAre()
    {
        // A bare {"type": "object"} reads as "no properties" to openapi-typescript (Record<string, never>), so a
        // change's fields and a JSON-LD document could not be read through a generated client. (The strict "or null"
        // branches, {"enum": [null]}, are not objects with properties.)
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var bare = new List<string>();
        void Walk(JsonNode? node, string path)
        {
            if (node is JsonObject schema)
            {
                if (schema["type"] is JsonValue type && type.GetValueKind() == System.Text.Json.JsonValueKind.String && (string)type! == "object"
                    && schema["properties"] is null && schema["additionalProperties"] is null && schema["enum"] is null)
                {
                    bare.Add(path);
                }
                foreach (var (name, value) in schema.Where(member => member.Key is not ("example" or "examples")))
                {
                    Walk(value, $"{path}/{name}");
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]");
                }
            }
        }
        Walk(document, "");
        Assert.Empty(bare);
    }

    [Fact]
    public async Task AListOffersFacetsInItsAnswerExactlyWhenItTakesTheFacetsParameter()
    {
        // Search, the changes feed, a KPI's figures and the code lists refuse ?facets= with a 400; their page types
        // declared facets all the same, so a generated client offered a member that never comes. (A page type two
        // lists share, as the sub-measures' is, offers them if one of the lists takes the parameter.)
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var pages = new List<(string Page, bool TakesFacets)>();
        foreach (var (_, operations) in document["paths"]!.AsObject())
        {
            if (operations!["get"]?["responses"]?["200"]?["content"]?["application/json"]?["schema"]?["$ref"] is { } reference
                && schemas[((string)reference!).Split('/')[^1]]?["properties"]?["items"] is not null)
            {
                var takesFacets = operations["get"]!["parameters"]?.AsArray().Any(p => (string)p!["name"]! == "facets") == true;
                pages.Add((((string)reference!).Split('/')[^1], takesFacets));
            }
        }
        var mismatched = pages.GroupBy(p => p.Page)
            .Select(g => (Page: g.Key, Asked: g.Any(p => p.TakesFacets), Offered: schemas[g.Key]!["properties"]!["facets"] is not null))
            .Where(p => p.Asked != p.Offered)
            .Select(p => $"{p.Page}: a list answering it takes facets {p.Asked}, it offers them {p.Offered}");
        Assert.True(pages.Count >= 8, $"only {pages.Count} lists");
        Assert.Empty(mismatched);
    }

    [Fact]
    public async Task EveryOperationParameterAndSchemaIsDescribedWithExamples()
    {
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var missing = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (string.IsNullOrWhiteSpace((string?)operation!["summary"]) || string.IsNullOrWhiteSpace((string?)operation["description"]))
                {
                    missing.Add($"{method} {path}: summary or description");
                }
                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                {
                    // Conditional headers give theirs in the description (OpenApiTryItOutTests says why).
                    var exampleDue = !((string)parameter!["in"]! == "header" && ((string)parameter["name"]!).StartsWith("If-", StringComparison.Ordinal));
                    if (string.IsNullOrWhiteSpace((string?)parameter["description"]) || (exampleDue && parameter["example"] is null))
                    {
                        missing.Add($"{method} {path} parameter {parameter["name"]}: description or example");
                    }
                }
            }
        }
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            if (string.IsNullOrWhiteSpace((string?)schema!["description"]) || schema["example"] is null)
            {
                missing.Add($"schema {name}: description or example");
            }
            foreach (var (property, definition) in schema["properties"]?.AsObject() ?? [])
            {
                if (string.IsNullOrWhiteSpace((string?)definition!["description"]))
                {
                    missing.Add($"schema {name}.{property}");
                }
            }
        }
        Assert.Empty(missing);
    }
}
