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
            + "`UPDATE_CONTRACTS=1 dotnet test` and commit the file; a breaking change needs a new API version.");
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
                    if (string.IsNullOrWhiteSpace((string?)parameter!["description"]) || parameter["example"] is null)
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
