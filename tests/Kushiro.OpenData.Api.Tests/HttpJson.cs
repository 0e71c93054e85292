using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.Tests;

/// <summary>Reading responses as the raw JSON a client sees, not through the API's own types.</summary>
public static class HttpJson
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>GET with <c>Accept: application/ld+json</c>; the document as a mutable JSON tree, to walk its nodes.</summary>
    public static async Task<JsonObject> GetJsonLdAsync(this HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/ld+json");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} as JSON-LD: got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static string Text(this JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidOperationException($"{property} is null");

    public static string? NullableText(this JsonElement element, string property) => element.GetProperty(property).GetString();

    public static IEnumerable<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray();

    /// <summary>
    /// GET once the data's last change is a second old: until then the API sends no Last-Modified (two changes in one
    /// second would share it), so a test about dates waits as a client would.
    /// </summary>
    public static async Task<HttpResponseMessage> GetSettledAsync(this HttpClient client, string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.GetAsync(url);
            if (response.Content.Headers.LastModified is not null || attempt == 50)
            {
                return response;
            }
            response.Dispose();
            await Task.Delay(100);
        }
    }
}
