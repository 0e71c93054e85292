using System.Net;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.LinkedData;

/// <summary>The vocabulary (/ns) and the JSON-LD context are negotiated like the API's other resources.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class VocabularyDocumentTests(SharedApiFactory api)
{
    [Theory]
    [InlineData("/ns", "text/turtle")]
    [InlineData("/ns/context.jsonld", "text/turtle")]
    [InlineData("/ns", "application/rdf+xml, text/html;q=0.9")]
    [InlineData("/ns/context.jsonld", "application/ld+json;q=0, text/plain")]
    [InlineData("/ns", "application/ld+json;q=0, */*;q=0.1")] // the named type refused decides, not */*
    public async Task AnAcceptThatRulesOutJsonIsA406Problem(string url, string accept)
    {
        using var response = await SendAsync(HttpMethod.Get, url, accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("application/ld+json", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/ns", null)]
    [InlineData("/ns", "application/ld+json, application/json")] // what jsonld.js's document loader sends
    [InlineData("/ns/context.jsonld", "application/json")]
    [InlineData("/ns/context.jsonld", "application/ld+json; profile=\"http://www.w3.org/ns/json-ld#context\"")]
    [InlineData("/ns/context.jsonld", "text/turtle, */*;q=0.1")]
    public async Task AnAcceptThatAllowsJsonGetsTheJsonLdDocument(string url, string? accept)
    {
        using var response = await SendAsync(HttpMethod.Get, url, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("@context", out _));
    }

    [Theory]
    [InlineData("/ns")]
    [InlineData("/ns/context.jsonld")]
    public async Task AnotherMethodIsToldGetAndHead(string url)
    {
        using var response = await SendAsync(HttpMethod.Post, url, null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
        using var head = await SendAsync(HttpMethod.Head, url, null);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? accept)
    {
        using var request = new HttpRequestMessage(method, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return await api.CreateClient().SendAsync(request);
    }

    // Without LinkedData:BaseIri the documents are filled with each request's Host, which the client chooses: each new
    // Host had kept about 50 KB more in memory for good (a memory leak any client could drive).
    [Fact]
    public async Task DocumentsFilledForManyHostsAreNotAllKept()
    {
        var client = api.CreateClient();
        for (var i = 0; i < 40; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/ns");
            request.Headers.Host = $"host-{i}.example";
            using var response = await client.SendAsync(request);
            Assert.Contains($"\"http://host-{i}.example/ns#\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.InRange(Kushiro.OpenData.Api.LinkedData.JsonLdTemplates.FilledCount, 1, 16);
    }
}
