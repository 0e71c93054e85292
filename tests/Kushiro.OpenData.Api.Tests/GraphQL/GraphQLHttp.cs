using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>A GraphQL response as a client sees it: status, media type and the raw JSON body.</summary>
public sealed record GraphQLAnswer(HttpStatusCode Status, string? MediaType, string Body, HttpResponseMessage Response)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public JsonElement Data
    {
        get
        {
            Assert.True(Status == HttpStatusCode.OK && !Json.TryGetProperty("errors", out _), $"expected data without errors, got {(int)Status}: {Body}");
            return Json.GetProperty("data");
        }
    }

    public IReadOnlyList<string> ErrorMessages =>
        Json.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray().Select(e => e.GetProperty("message").GetString()!)] : [];

    /// <summary>
    /// A request error, as REST's 400: status 400 (graphql-response+json), the first error's code, and no data at all
    /// (never a half-answer with a parent nulled). The messages, for the test to read.
    /// </summary>
    public IReadOnlyList<string> RequestError(string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, Status);
        Assert.Equal(code, Json.GetProperty("errors")[0].GetProperty("extensions").Text("code"));
        Assert.False(Json.TryGetProperty("data", out _), Body);
        return ErrorMessages;
    }
}

/// <summary>Sends GraphQL over HTTP the way clients do, and as they should not.</summary>
public static class GraphQLHttp
{
    public const string GraphQLResponse = "application/graphql-response+json";

    public static Task<GraphQLAnswer> PostGraphQLAsync(this HttpClient client, string query, object? variables = null, string accept = GraphQLResponse) =>
        client.PostRawAsync(JsonSerializer.Serialize(new { query, variables }), "application/json", accept);

    public static async Task<GraphQLAnswer> PostRawAsync(this HttpClient client, string body, string? contentType, string? accept = GraphQLResponse)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return await SendAsync(client, request);
    }

    public static async Task<GraphQLAnswer> GetGraphQLAsync(this HttpClient client, string queryString, string? accept = GraphQLResponse)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql" + queryString);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return await SendAsync(client, request);
    }

    public static async Task<GraphQLAnswer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        return new GraphQLAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), response);
    }

    public static string Q(string query) => "?query=" + Uri.EscapeDataString(query);
}
