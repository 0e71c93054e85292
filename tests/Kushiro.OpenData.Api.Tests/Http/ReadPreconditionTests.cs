using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// If-Match and If-Unmodified-Since on reads (RFC 9110 §13.1.1, §13.1.4), which were ignored: a mirror paging with
/// the first page's Last-Modified is told 412 when the data changed under it, also where the answer is in the cache.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class ReadPreconditionTests(SharedApiFactory api)
{
    [Theory]
    [InlineData("GET", "/api/v1/sub-measures?limit=10&offset=10")]
    [InlineData("HEAD", "/api/v1/sub-measures?limit=10&offset=10")]
    [InlineData("GET", "/api/v1/export/csv/goals.csv")]
    public async Task AnAnswerChangedSinceIfUnmodifiedSinceIsA412(string method, string url)
    {
        using var current = await api.CreateClient().GetSettledAsync(url);
        var lastModified = current.Content.Headers.LastModified!.Value;
        await api.CreateClient().GetAsync(url); // now in the output cache

        using var stale = await SendAsync(method, url, h =>
        {
            h.IfUnmodifiedSince = lastModified.AddSeconds(-1);
            h.Add("Origin", "https://example.org");
        });
        using var unchanged = await SendAsync(method, url, h => h.IfUnmodifiedSince = lastModified);
        using var unconditional = await SendAsync(method, url, _ => { });

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Null(stale.Headers.ETag);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", Assert.Single(stale.Headers.GetValues("Access-Control-Allow-Origin"))); // a browser app can read it
        if (method == "GET")
        {
            Assert.Contains("If-Unmodified-Since", JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement.Text("detail"));
        }
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Equal(current.Headers.ETag, unchanged.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, unconditional.StatusCode);
    }

    // Strong comparison (§13.1.1) and weak ETags: only "*" can match.
    [Theory]
    [InlineData("*", HttpStatusCode.OK)]
    [InlineData("\"x\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("current", HttpStatusCode.PreconditionFailed)]
    [InlineData("abc", HttpStatusCode.PreconditionFailed)] // not a valid entity tag: refused, not dropped
    [InlineData("\"x\", *", HttpStatusCode.PreconditionFailed)]
    public async Task IfMatchOnAReadMatchesOnlyAnyRepresentation(string tag, HttpStatusCode expected)
    {
        const string url = "/api/v1/goals/1";
        using var current = await api.CreateClient().GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-Match", tag == "current" ? current.Headers.ETag!.ToString() : tag);
        using var response = await api.CreateClient().SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    // Only an HTTP-date counts (§13.1.4: anything else is ignored); ASP.NET Core's parser had also taken "+0900", and
    // ours names in any case.
    // Read off the header as the server gets it: HttpClient rewrites a date it can parse before sending it.
    [Theory]
    [InlineData("Sat, 01 Jan 2000 00:00:00 GMT", true)]
    [InlineData("Saturday, 01-Jan-00 00:00:00 GMT", true)]
    [InlineData("Sat Jan  1 00:00:00 2000", true)]
    [InlineData("Sat, 01 Jan 2000 00:00:00 +0900", false)]
    [InlineData("Sat, 01 Jan 2000 00:00:00", false)]
    [InlineData("2000-01-01T00:00:00Z", false)]
    // asctime's day is two characters: a digit padded with a space or a zero.
    [InlineData("Sat Jan 01 00:00:00 2000", true)]
    // The grammar is case-sensitive, with single spaces.
    [InlineData("sat, 01 jan 2000 00:00:00 GMT", false)]
    [InlineData("Sat, 01 Jan 2000  00:00:00 GMT", false)]
    [InlineData("Sat Jan 1 00:00:00 2000", false)]
    // A guard: the day of the week must be the date's (.NET's parser checks it).
    [InlineData("Sun, 01 Jan 2000 00:00:00 GMT", false)]
    public void OnlyAnHttpDateInIfUnmodifiedSinceIsHeldTo(string date, bool held)
    {
        var headers = new Microsoft.AspNetCore.Http.HeaderDictionary { ["If-Unmodified-Since"] = date };
        var since = Kushiro.OpenData.Api.Http.PreconditionHeaders.IfUnmodifiedSince(headers);
        Assert.Equal(held ? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) : null, since);
    }

    // RFC 850's two-digit year is the latest with those digits at most 50 years ahead (RFC 9110 §5.6.7), counted from
    // the year the request comes in: the invariant calendar read every year up to 49 as 20xx and the rest as 19xx.
    [Fact]
    public void AnRfc850YearIsTheLatestAtMostFiftyYearsAhead()
    {
        var thisYear = DateTime.UtcNow.Year;
        foreach (var year in new[] { thisYear - 49, thisYear + 20, thisYear + 50 })
        {
            var date = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var written = date.ToString("dddd, dd-MMM-yy HH:mm:ss 'GMT'", System.Globalization.CultureInfo.InvariantCulture);
            var headers = new Microsoft.AspNetCore.Http.HeaderDictionary { ["If-Unmodified-Since"] = written };
            Assert.Equal(date, Kushiro.OpenData.Api.Http.PreconditionHeaders.IfUnmodifiedSince(headers));
        }
    }

    // Only a 2xx answer is held to a precondition (§13.2.1): an unknown ID stays a 404.
    [Fact]
    public async Task APreconditionDoesNotHideA404()
    {
        using var response = await SendAsync("GET", "/api/v1/goals/9", h => h.IfMatch.ParseAdd("\"x\""));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // The cache answers a request that waited on an identical one with that one's 200, past the preconditions: a
    // request carrying them neither looks up nor waits (a race no HTTP test can time, so the policy is asked).
    [Theory]
    [InlineData("If-Unmodified-Since", "Sat, 28 Nov 2026 12:00:00 GMT")]
    [InlineData("If-Match", "*")]
    public async Task TheOutputCacheNeitherAnswersNorHoldsARequestWithAPrecondition(string header, string value)
    {
        using var scope = api.Services.CreateScope();
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = "GET";
        http.Request.Path = "/api/v1/goals";
        http.Request.Host = new Microsoft.AspNetCore.Http.HostString("localhost"); // as every client sends it
        http.Request.Headers[header] = value;
        var context = new Microsoft.AspNetCore.OutputCaching.OutputCacheContext { HttpContext = http };

        await ((Microsoft.AspNetCore.OutputCaching.IOutputCachePolicy)new Kushiro.OpenData.Api.Http.ApiOutputCachePolicy()).CacheRequestAsync(context, default);

        Assert.True(context.EnableOutputCaching);
        Assert.False(context.AllowCacheLookup);
        Assert.False(context.AllowLocking);
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string url, Action<HttpRequestHeaders> headers)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        headers(request.Headers);
        return await api.CreateClient().SendAsync(request);
    }
}
