using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.Tests.Contracts;

/// <summary>
/// Swagger UI's "Try it out" (/docs) fills every parameter with its example, headers included, and sends them
/// together. Each list's examples, so combined, must find something, or a first try shows an empty list (a browser
/// review found the sub-measures list did: its examples named a goal, a measure and a theme no sub-measure shares).
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class OpenApiTryItOutTests(SharedApiFactory api)
{
    // Lists whose examples cannot find anything in the seed, and why.
    private static readonly Dictionary<string, string> EmptyInTheSeed = new()
    {
        ["/api/v1/kpis"] = "the seed's one KPI is the plan's own: a goal's or measure's KPIs are entered by staff",
    };

    [Fact]
    public async Task EveryListsExamplesTogetherFindSomething()
    {
        var client = api.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var tried = 0;
        foreach (var (template, operations) in document["paths"]!.AsObject())
        {
            if (operations!["get"] is not { } operation || EmptyInTheSeed.ContainsKey(template))
            {
                continue;
            }
            using var request = TryItOut(template, operation);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.NotAcceptable)
            {
                continue; // a download (CSV, ZIP, JSON-LD, the source text): tried in its own media type elsewhere
            }
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{request.RequestUri}: {(int)response.StatusCode} {body}");
            if (JsonNode.Parse(body) is JsonObject { } answer && answer["items"] is JsonArray items)
            {
                tried++;
                Assert.True(items.Count > 0, $"{request.RequestUri} (every example of {template}) finds nothing: choose examples that go together.");
            }
        }
        Assert.True(tried >= 8, $"only {tried} lists were tried");
    }

    [Fact]
    public async Task TryItOutSendsNoMadeUpValidators()
    {
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var conditional = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!["get"]?["parameters"]?.AsArray() ?? [])
            .Where(parameter => (string)parameter!["in"]! == "header" && ((string)parameter["name"]!).StartsWith("If-", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(conditional);
        Assert.All(conditional, parameter => Assert.True(parameter!["example"] is null && parameter["schema"]?["example"] is null,
            $"{parameter["name"]} has an example, which Try it out would send: an ETag or a date no answer of this server gave"));
    }

    // A CSV's example is its header line, which a client reads to map columns. The export's nine files had one example
    // between them, goals.csv's, shown for kpi-figures.csv too (a data puller's review): each now has its own.
    [Fact]
    public async Task EveryCsvExampleIsTheHeaderLineTheServerWrites()
    {
        var client = api.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var compared = new List<string>();
        foreach (var (template, operations) in document["paths"]!.AsObject())
        {
            if (operations!["get"]?["responses"]?["200"]?["content"]?["text/csv"] is not { } csv)
            {
                continue;
            }
            // One example, or one per value of a path parameter (the export's {name}).
            IEnumerable<(string Path, JsonNode? Example)> examples = csv["examples"] is JsonObject named
                ? named.Select(e => (template.Replace("{name}", e.Key), e.Value!["value"]))
                : [(template, csv["schema"]!["example"])];
            foreach (var (path, example) in examples)
            {
                using var request = TryItOut(path, document["paths"]![template]!["get"]!, "text/csv");
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{request.RequestUri}: {(int)response.StatusCode} {body}");
                // The header line with its CRLF (ReadAsStringAsync has read the byte order mark away).
                Assert.Equal((string?)example, body[..(body.IndexOf("\r\n", StringComparison.Ordinal) + 2)]);
                compared.Add(path);
            }
        }
        Assert.Contains("/api/v1/export/csv/kpi-figures.csv", compared);
        Assert.True(compared.Count >= 15, $"only {compared.Count} CSV answers compared: {string.Join(", ", compared)}");
    }

    // The request Swagger UI sends on "Try it out" and "Execute" without a change: every parameter with an example.
    private static HttpRequestMessage TryItOut(string template, JsonNode operation, string accept = "application/json")
    {
        var path = template;
        var query = new List<string>();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            var example = parameter!["example"] ?? parameter["schema"]?["example"];
            if (example is null)
            {
                continue;
            }
            var name = (string)parameter["name"]!;
            var values = example is JsonArray list ? list.Select(Text).ToList() : [Text(example)];
            switch ((string)parameter["in"]!)
            {
                case "path":
                    path = path.Replace("{" + name + "}", Uri.EscapeDataString(values[0]));
                    break;
                case "query":
                    query.AddRange(values.Select(v => name + "=" + Uri.EscapeDataString(v)));
                    break;
                case "header":
                    request.Headers.TryAddWithoutValidation(name, values[0]);
                    break;
            }
        }
        request.RequestUri = new Uri(path + (query.Count > 0 ? "?" + string.Join("&", query) : ""), UriKind.Relative);
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    private static string Text(JsonNode? value) =>
        value!.GetValueKind() switch
        {
            JsonValueKind.String => (string)value!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.ToJsonString(),
        };
}
