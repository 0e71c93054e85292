using System.Net;

namespace Kushiro.OpenData.Api.Tests.Csv;

/// <summary>CSV over HTTP: which Accept headers get it, where it is refused, paging by Link, validators, compression.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class CsvHttpTests(SharedApiFactory api)
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task CsvPagesLikeJsonAndCarriesThePageLinksInALinkHeader()
    {
        const string url = "/api/v1/sub-measures?limit=10&offset=10";
        var json = await client.GetJsonAsync(url);
        var csv = await client.GetCsvAsync(url);

        Assert.Equal(json.Items().Select(s => s.Text("id")), csv.Rows.Select(r => r["ID"]));
        var links = json.GetProperty("links");
        var expected = new[] { "first", "prev", "next", "last" }
            .Where(rel => links.NullableText(rel) is not null)
            .Select(rel => $"<{links.Text(rel)}>; rel=\"{rel}\"");
        Assert.Equal(string.Join(", ", expected), string.Join(", ", csv.Response.Headers.GetValues("Link")));
    }

    [Fact]
    public async Task FollowingNextLinksWalksTheWholeListOnce()
    {
        var all = (await client.GetJsonAsync("/api/v1/sub-measures?limit=200")).Items().Select(s => s.Text("id")).ToList();
        var walked = new List<string>();
        string? next = "/api/v1/sub-measures?limit=20";
        while (next is not null)
        {
            var page = await client.GetCsvAsync(next);
            walked.AddRange(page.Rows.Select(r => r["ID"]));
            next = page.Response.Headers.TryGetValues("Link", out var values)
                ? values.SelectMany(v => v.Split(", ")).Where(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal))
                    .Select(l => l[1..l.IndexOf('>', StringComparison.Ordinal)]).SingleOrDefault()
                : null;
        }
        Assert.Equal(all, walked);
    }

    [Theory]
    [InlineData("text/csv")]
    [InlineData("text/csv;charset=utf-8")]
    [InlineData("text/csv; charset=utf-8; header=present")]
    [InlineData("text/*")]
    [InlineData("application/json;q=0.5, text/csv")]
    [InlineData("text/csv, */*;q=0.1")]
    public async Task AcceptThatPrefersCsvGetsCsv(string accept) => await client.GetCsvAsync("/api/v1/goals", accept);

    [Theory]
    [InlineData("/api/v1/goals/1")]
    [InlineData("/api/v1/kpis/population-outlook")]
    [InlineData("/api/v1/plan")]
    [InlineData("/api/v1/plan/source-document")]
    public async Task OnlyListsHaveCsvOtherResourcesAnswer406(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ErrorsOfACsvRequestAreProblemDetails()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/measures?goal=7");
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CsvAndJsonOfOneUrlHaveDifferentETagsAndEachRevalidates()
    {
        const string url = "/api/v1/measures?goal=1";
        using var json = await client.GetSettledAsync(url); // so the CSV below is kept and its revalidation is a 304
        var csv = await client.GetCsvAsync(url);
        Assert.NotEqual(json.Headers.ETag, csv.Response.Headers.ETag);
        Assert.Contains("Accept", csv.Response.Headers.Vary);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.Accept.ParseAdd("text/csv");
        revalidate.Headers.IfNoneMatch.Add(csv.Response.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(csv.Response.Headers.ETag, notModified.Headers.ETag);

        // The CSV's ETag does not validate the JSON: a cache keyed on Accept gets the JSON in full.
        using var asJson = new HttpRequestMessage(HttpMethod.Get, url);
        asJson.Headers.IfNoneMatch.Add(csv.Response.Headers.ETag!);
        using var full = await client.SendAsync(asJson);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("application/json", full.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HeadOfACsvListAnswersLikeGetWithoutTheBody()
    {
        var get = await client.GetCsvAsync("/api/v1/sub-measures?limit=200");
        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/v1/sub-measures?limit=200");
        request.Headers.Accept.ParseAdd("text/csv");
        using var head = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Response.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Bytes.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task CsvIsCompressedAndBrowserAppsMayReadItsLinkHeader()
    {
        using var handlerless = api.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sub-measures?limit=10");
        request.Headers.Accept.ParseAdd("text/csv");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        request.Headers.Add("Origin", "https://civic-app.example");
        using var response = await handlerless.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Link", string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.OrdinalIgnoreCase);
    }
}
