using System.Net;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>
/// Apollo's persisted-query link first sends a hash without the document, and sends the document only when the
/// answer's error code says persisted queries are not supported; with any other error its app got the error.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class GraphQLPersistedQueryTests(SharedApiFactory api)
{
    private const string Hash = """{"persistedQuery":{"version":1,"sha256Hash":"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38"}}""";

    [Fact]
    public async Task AHashWithoutTheDocumentByPostIsRefusedWithApollosNotSupportedCode()
    {
        var answer = await api.CreateClient().PostRawAsync($$"""{"extensions":{{Hash}}}""", "application/json");

        AssertNotSupported(answer);
    }

    [Fact]
    public async Task AHashWithoutTheDocumentByGetIsRefusedWithApollosNotSupportedCode()
    {
        var answer = await api.CreateClient().GetGraphQLAsync("?extensions=" + Uri.EscapeDataString(Hash));

        AssertNotSupported(answer);
    }

    [Fact]
    public async Task TheDocumentSentWithItsHashIsAnswered()
    {
        // What the link sends next: the document, and the hash again (ignored).
        var answer = await api.CreateClient().PostRawAsync($$"""{"query":"{ goals { id } }","extensions":{{Hash}}}""", "application/json");

        Assert.Equal(4, answer.Data.GetProperty("goals").GetArrayLength());
    }

    [Fact]
    public async Task AMissingDocumentWithoutAHashIsStillAPlainRequestError()
    {
        var answer = await api.CreateClient().PostRawAsync("""{"extensions":{"tracing":true}}""", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("\"query\" member is missing", Assert.Single(answer.ErrorMessages));
        Assert.False(answer.Json.GetProperty("errors")[0].TryGetProperty("extensions", out _));
    }

    private static void AssertNotSupported(GraphQLAnswer answer)
    {
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var error = Assert.Single(answer.Json.GetProperty("errors").EnumerateArray());
        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("\"query\"", error.GetProperty("message").GetString());
    }
}
