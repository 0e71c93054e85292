using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// Each path takes the methods it serves and says so: another method is a 405 naming them (problem details, Allow),
/// a path nothing serves a 404 saying where to start, a method in the wrong case a 501.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class MethodAndPathTests(SharedApiFactory api)
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task WritingToAReadOnlyResourceIsMethodNotAllowed()
    {
        using var response = await client.PostAsync("/api/v1/goals", new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("detail");
        Assert.Equal($"POST is not allowed here; allowed: {string.Join(", ", response.Content.Headers.Allow)}.", detail);
    }

    // As README says: a path's fixed words match whatever their case, IDs and names exactly (a data puller's review
    // found kpis.CSV served and KPIS.csv a 404, and asked which rule held).
    [Theory]
    [InlineData("/API/V1/GOALS", HttpStatusCode.OK)]
    [InlineData("/api/v1/export/csv/kpis.CSV", HttpStatusCode.OK)]
    [InlineData("/api/v1/export/csv/KPIS.csv", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/themes/SDGS", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/kpis/POPULATION-OUTLOOK", HttpStatusCode.NotFound)]
    public async Task FixedWordsMatchInAnyCaseAndIdsExactly(string url, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
    }

    // The root and the health check are reads like the rest: HEAD answers as GET does, a write method is a 405.
    [Theory]
    [InlineData("HEAD", "/", HttpStatusCode.Redirect)]
    [InlineData("HEAD", "/health", HttpStatusCode.OK)]
    [InlineData("DELETE", "/health", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/", HttpStatusCode.MethodNotAllowed)]
    public async Task TheRootAndTheHealthCheckTakeGetAndHeadOnly(string method, string url, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        using var noRedirects = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await noRedirects.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    // A path that exists is a 405 naming what it takes, HEAD wherever GET; one that does not is a 404 whatever the
    // method. A GET-only catch-all under /api had made every write to a misspelt path a 405 "allowed: GET, HEAD",
    // and put GET in the Allow of the figure URLs, where a GET was then a 404 (a figure is read there now).
    [Theory]
    [InlineData("DELETE", "/api/v1/goals", HttpStatusCode.MethodNotAllowed, "GET, HEAD")]
    [InlineData("POST", "/api/v1/kpis/population-outlook", HttpStatusCode.MethodNotAllowed, "DELETE, GET, HEAD, PUT")]
    [InlineData("POST", "/api/v1/kpis/population-outlook/targets/2040", HttpStatusCode.MethodNotAllowed, "DELETE, GET, HEAD, PUT")]
    [InlineData("PATCH", "/api/v1/kpis/population-outlook/observations/2010-10-01", HttpStatusCode.MethodNotAllowed, "DELETE, GET, HEAD, PUT")]
    [InlineData("POST", "/docs/index.html", HttpStatusCode.MethodNotAllowed, "GET, HEAD")]
    [InlineData("DELETE", "/docs", HttpStatusCode.MethodNotAllowed, "GET, HEAD")]
    [InlineData("GET", "/docs/nothing.js", HttpStatusCode.NotFound, "")]
    [InlineData("POST", "/graphql/ide.js", HttpStatusCode.MethodNotAllowed, "GET, HEAD")]
    [InlineData("TRACE", "/graphql/index.html", HttpStatusCode.MethodNotAllowed, "GET, HEAD")]
    [InlineData("POST", "/graphql/nothing.js", HttpStatusCode.NotFound, "")]
    [InlineData("POST", "/graphql/ide.js/", HttpStatusCode.NotFound, "")] // a GET there is a 404 too
    [InlineData("POST", "/api/v1/goal", HttpStatusCode.NotFound, "")]
    [InlineData("PUT", "/api/v1/sub-measures/1-1-1/kpis", HttpStatusCode.NotFound, "")]
    [InlineData("POST", "/api/v2/kpis", HttpStatusCode.BadRequest, "")]
    public async Task APathAnswersTheMethodsItTakesAndOnlyThose(string method, string url, HttpStatusCode expected, string allow)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")) };
        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        if (method != "HEAD")
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    // Methods are case-sensitive: "head" was taken for HEAD by the middleware and not by Kestrel, which then waited for
    // the body that was withheld (a 500), on the API, the documents and the static files alike.
    [Theory]
    [InlineData("head", "/api/v1/goals", "HEAD")]
    [InlineData("Head", "/docs/index.html", "HEAD")]
    [InlineData("hEAD", "/graphql?query=%7Bgoals%7Bid%7D%7D", "HEAD")]
    [InlineData("get", "/api/v1/goals/1", "GET")]
    [InlineData("delete", "/api/v1/kpis/x", "DELETE")]
    [InlineData("connect", "/api/v1/goals", "CONNECT")]
    public async Task AStandardMethodInAnotherCaseIsNotImplemented(string method, string url, string meant)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { NoCache: true }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith($"Send {meant}.", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("detail"));
    }

    // Paths no endpoint matches, whatever the method: the problem says where to start.
    [Theory]
    [InlineData("PUT", "/api/v1/kpis/x/target/FY2023")] // the role is "targets"
    [InlineData("POST", "/api/v1/nothing")]
    [InlineData("GET", "/id/")]
    [InlineData("DELETE", "/nothing-here")]
    public async Task APathNothingServesIsA404SayingWhereToStart(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")) };
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("detail");
        Assert.Equal($"There is no resource at {url}. Start from /api/v1/plan or /openapi/v1.json.", detail);
    }
}
