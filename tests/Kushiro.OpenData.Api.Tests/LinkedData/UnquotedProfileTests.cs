namespace Kushiro.OpenData.Api.Tests.LinkedData;

/// <summary>
/// A JSON-LD editor extension asks for contexts with an unquoted profile URL in Accept: every resource, the context
/// too, had answered 406 (a linked-data review). It is read as if quoted.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class UnquotedProfileTests(SharedApiFactory api)
{
    [Theory]
    [InlineData("/ns/context.jsonld", "application/ld+json;profile=http://www.w3.org/ns/json-ld#context", "application/ld+json")]
    [InlineData("/api/v1/goals/1", "application/ld+json;profile=http://www.w3.org/ns/json-ld#expanded", "application/ld+json")]
    [InlineData("/api/v1/goals?limit=2", "application/ld+json; profile=http://www.w3.org/ns/json-ld#compacted", "application/ld+json")]
    // Its q still counts: JSON preferred over the profiled JSON-LD.
    [InlineData("/api/v1/goals/1", "application/json;q=0.9, application/ld+json;profile=http://www.w3.org/ns/json-ld#compacted;q=0.1", "application/json")]
    public async Task AnUnquotedProfileUrlInAcceptIsReadAsIfQuoted(string url, string accept, string served)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        Assert.True(request.Headers.TryAddWithoutValidation("Accept", accept));
        using var response = await api.CreateClient().SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(served, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AFormTheResourceHasNotIsStillA406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/goals/1");
        Assert.True(request.Headers.TryAddWithoutValidation("Accept", "text/turtle;profile=http://www.w3.org/ns/json-ld#expanded"));
        using var response = await api.CreateClient().SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.NotAcceptable, response.StatusCode);
    }
}
