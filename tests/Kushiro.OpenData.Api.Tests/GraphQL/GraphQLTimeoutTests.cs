using System.Net;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>
/// The GraphQL timeout (GraphQL:TimeoutSeconds) as a client and an operator meet it: a spec error, never a 500, never
/// kept in the cache as if it were the answer; and a setting out of range stops the start, naming the setting.
/// </summary>
public sealed class GraphQLTimeoutTests
{
    [Fact]
    public async Task AQueryPastTheTimeoutGetsATimeoutErrorThatIsNeverKept()
    {
        using var api = new ApiFactory();
        api.Settings["GraphQL:TimeoutSeconds"] = "0.0001"; // over before the executer starts
        var client = api.CreateClient();
        var url = "/graphql?query=" + Uri.EscapeDataString("{ goals { id title } }");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", "application/json" } } };
            using var response = await client.SendAsync(request);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

            Assert.Equal(HttpStatusCode.OK, response.StatusCode); // application/json: errors travel under 200
            var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
            Assert.Equal("TIMEOUT", error.GetProperty("extensions").GetProperty("code").GetString());
            // The time allowed as configured, not rounded to "0 s".
            Assert.Equal("The query did not finish within 0.0001 s (GraphQL:TimeoutSeconds).", error.GetProperty("message").GetString());
            Assert.Null(response.Headers.Age); // executed each time, not answered from the cache
        }
    }

    [Fact]
    public async Task UnderTheGraphQLResponseMediaTypeATimeoutIsA503ToRetryNotA400()
    {
        // A 400 told the client its query was wrong; it was sound, and may finish when the server is less busy.
        using var api = new ApiFactory();
        api.Settings["GraphQL:TimeoutSeconds"] = "0.0001";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ goals { id } }"}""", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "Accept", "application/graphql-response+json" } },
        };
        using var response = await api.CreateClient().SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("TIMEOUT", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("301")]
    [InlineData("five")]
    public void ATimeoutOutOfRangeStopsTheStartNamingTheSetting(string value)
        => ApiFactory.AssertStartRefused("GraphQL:TimeoutSeconds", value);
}
