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

    [Theory]
    [InlineData("0")]
    [InlineData("301")]
    [InlineData("five")]
    public void ATimeoutOutOfRangeStopsTheStartNamingTheSetting(string value)
        => ApiFactory.AssertStartRefused("GraphQL:TimeoutSeconds", value);
}
