using System.Net;
using System.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>What caches, mirrors and browser apps rely on: validators, 304s, cache lifetime, CORS, compression.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class CachingAndCorsTests(SharedApiFactory api)
{
    private readonly HttpClient client = api.CreateClient();

    public static TheoryData<string> Resources =>
    [
        "/api/v1/plan", "/api/v1/plan/source-document", "/api/v1/goals", "/api/v1/goals/1", "/api/v1/measures?goal=1",
        "/api/v1/measures/1-1", "/api/v1/sub-measures?limit=200", "/api/v1/sub-measures/4-2-2", "/openapi/v1.json",
    ];

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task EveryGetCarriesValidatorsAndAsksCachesToRevalidate(string url)
    {
        // Settled: an answer begun within the second of the store's import carries no date yet.
        using var response = await client.GetSettledAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.True(response.Headers.CacheControl is { Public: true, NoCache: true }, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task IfNoneMatchWithTheCurrentETagIsNotModifiedWithoutABody(string url)
    {
        // Settled: an answer from within the data's last second is not kept, and the output cache answers a
        // revalidation it does not hold in full (once), so a 304 is what follows a kept answer.
        using var first = await client.GetSettledAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        // As the contract declares for every 304 of a read (RFC 9110 §15.4.5: what the 200 would carry).
        Assert.True(second.Headers.CacheControl is { Public: true, NoCache: true }, $"Cache-Control: {second.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("/api/v1/kpis/not-yet-created", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/goals?limit=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/v2/goals", HttpStatusCode.BadRequest)] // the unsupported-version problem, before routing
    [InlineData("/no-such-page", HttpStatusCode.NotFound)] // outside the API: routing's bare 404
    public async Task AnErrorIsNotKeptByCachesWithoutRevalidation(string url, HttpStatusCode status)
    {
        // A 404 is cacheable by default: a shared cache could go on answering "no such KPI" after staff create it.
        using var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { NoCache: true }, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("/api/v1/sub-measures?limit=200")] // its length set by the validators
    [InlineData("/ns")] // its length set by the endpoint itself
    [InlineData("/api/v1/export/jsonld")]
    public async Task AHeadThatAGetWouldCompressCarriesNoOtherLength(string url)
    {
        // RFC 9110 §8.6: a HEAD may carry Content-Length only if it is what the GET would send.
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var get = new HttpRequestMessage(HttpMethod.Get, url);
        get.Headers.AcceptEncoding.ParseAdd("br");

        using var head = await client.SendAsync(request);
        using var full = await client.SendAsync(get);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("br", Assert.Single(full.Content.Headers.ContentEncoding));
        var compressedLength = (await full.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(head.Content.Headers.ContentLength is null || head.Content.Headers.ContentLength == compressedLength,
            $"HEAD says {head.Content.Headers.ContentLength} bytes; the GET sent {compressedLength}");
        Assert.Equal(full.Headers.ETag, head.Headers.ETag);
    }

    // A HEAD whose GET would not be compressed has the GET's length: Python's http.client sends
    // "identity", and a mirror's HEAD got no size (a mirror's review).
    [Theory]
    [InlineData("/api/v1/sub-measures?limit=200", "identity")]
    [InlineData("/api/v1/sub-measures?limit=200", "gzip;q=0, br;q=0")]
    [InlineData("/ns", "identity")]
    [InlineData("/api/v1/export/jsonld", "identity;q=1")]
    // A ZIP is not compressed, whatever the client accepts.
    [InlineData("/api/v1/export/csv.zip", "gzip, br")]
    public async Task AHeadThatNoGetWouldCompressCarriesItsLength(string url, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        Assert.True(request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding));
        using var get = new HttpRequestMessage(HttpMethod.Get, url);
        Assert.True(get.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding));

        using var head = await client.SendAsync(request);
        using var full = await client.SendAsync(get);

        Assert.Empty(full.Content.Headers.ContentEncoding);
        Assert.Equal((await full.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData("/ns")]
    [InlineData("/api/v1/export/jsonld")]
    public async Task A304CarriesNoContentLength(string url)
    {
        // A HEAD is never answered from the output cache, so its 304 is the validators' own.
        using var plain = await client.GetSettledAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        request.Headers.IfNoneMatch.Add(plain.Headers.ETag!);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task PlanLastModifiedIsTheCatalogsDateAndNeverAfterTheLastModifiedHeader()
    {
        // The header dates the data by the second after its last change; the body says when that change was.
        using var response = await client.GetSettledAsync("/api/v1/plan");
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var stated = body.GetProperty("lastModified").GetDateTimeOffset();
        var catalog = await client.GetJsonAsync("/api/v1/catalog");
        Assert.Equal(catalog.GetProperty("modified").GetDateTimeOffset(), stated);
        Assert.True(stated < response.Content.Headers.LastModified!.Value, $"{stated:O} against the header's {response.Content.Headers.LastModified:O}");
    }

    [Fact]
    public async Task AStaleETagGetsTheFullResponse()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/goals");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-the-current-one\"", isWeak: true));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task DifferentRepresentationsHaveDifferentETags()
    {
        var etags = new HashSet<string>();
        foreach (var url in new[] { "/api/v1/goals", "/api/v1/goals?limit=2", "/api/v1/goals/1", "/api/v1/goals/2" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(etags.Add(response.Headers.ETag!.Tag), $"{url} repeats an ETag");
        }
    }

    [Fact]
    public async Task IfModifiedSinceTheLastChangeIsNotModified()
    {
        using var first = await client.GetSettledAsync("/api/v1/goals");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/goals");
        request.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var second = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);

        using var older = new HttpRequestMessage(HttpMethod.Get, "/api/v1/goals");
        older.Headers.IfModifiedSince = first.Content.Headers.LastModified!.Value.AddDays(-1);
        using var third = await client.SendAsync(older);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    // RFC 9110 §13.1.3: an If-Modified-Since that is no HTTP-date is ignored. ASP.NET Core's parser took these, so the
    // last change's own moment, written so, was answered 304 (a mirror's review). Twice: the output cache's answer too.
    // Sent as written through the test server itself: HttpClient rewrites a date it can parse before sending it.
    [Theory]
    // Each case its own page size, so that its first answer is made, not taken from the cache.
    [InlineData("ddd, dd MMM yyyy HH:mm:ss 'GMT'", HttpStatusCode.NotModified, 171)]
    [InlineData("ddd, dd MMM yyyy HH:mm:ss '+0000'", HttpStatusCode.OK, 172)]
    [InlineData("ddd, dd MMM yyyy HH:mm:ss", HttpStatusCode.OK, 173)]
    [InlineData("ddd, dd MMM yyyy HH:mm:ss '-0000'", HttpStatusCode.OK, 174)]
    [InlineData("ddd, dd MMM yyyy  HH:mm:ss 'GMT'", HttpStatusCode.OK, 176)]
    public async Task OnlyAnHttpDateInIfModifiedSinceCounts(string written, HttpStatusCode expected, int limit)
    {
        using var first = await client.GetSettledAsync("/api/v1/measures");
        var date = first.Content.Headers.LastModified!.Value.UtcDateTime.ToString(written, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var _ in new[] { "made", "from the cache" })
        {
            var answer = await api.Server.SendAsync(http =>
            {
                http.Request.Method = "GET";
                http.Request.Path = "/api/v1/measures";
                http.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString($"?limit={limit}");
                http.Request.Headers.IfModifiedSince = date;
            });
            Assert.Equal((int)expected, answer.Response.StatusCode);
        }
    }

    [Fact]
    public async Task HeadAnswersLikeGetWithoutTheBody()
    {
        using var get = await client.GetAsync("/api/v1/sub-measures?limit=200");
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/sub-measures?limit=200"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task BrowserAppsOnOtherSitesMayReadResponsesAndTheirValidators()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/goals");
        request.Headers.Add("Origin", "https://civic-app.example");
        using var response = await client.SendAsync(request);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var exposed = string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("ETag", exposed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Last-Modified", exposed, StringComparison.OrdinalIgnoreCase);
        // Staff tools: where a created KPI is, which KPI a figure write's answer shows, and when to retry a write the
        // store was too busy for.
        Assert.Contains("Location", exposed.Split(','), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Content-Location", exposed.Split(','), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Retry-After", exposed, StringComparison.OrdinalIgnoreCase);
        // An app saving an export under its own name.
        Assert.Contains("Content-Disposition", exposed, StringComparison.OrdinalIgnoreCase);
        // What a 405 names and a 415 takes.
        Assert.Contains("Allow", exposed.Split(','), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Accept-Encoding", exposed.Split(','), StringComparer.OrdinalIgnoreCase);
        // A mirror pages with the first page's Date when it had no Last-Modified yet (an app developer's review: a
        // browser could not read it), sees how old a cached answer is, and reads which scheme a 401 asks for.
        Assert.Contains("Date", exposed.Split(','), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Age", exposed.Split(','), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("WWW-Authenticate", exposed.Split(','), StringComparer.OrdinalIgnoreCase);
    }

    // A shared cache keys answers as Vary says, and Vary does not name Origin: an answer stored for a request without
    // Origin (curl, a crawler, a mirror) is what browsers get next, so it must carry the CORS headers too (Fetch §3.2.5).
    [Theory]
    [InlineData("/api/v1/sub-measures/2-1-1")]
    [InlineData("/api/v1/goals?limit=2")]
    [InlineData("/api/v1/nothing-here")]
    public async Task EveryAnswerCarriesTheCorsHeadersWhetherOrNotTheRequestNamedAnOrigin(string url)
    {
        using var plain = await client.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://civic-app.example");
        using var fromBrowser = await client.SendAsync(request);

        Assert.Equal("*", Assert.Single(plain.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(fromBrowser.Headers.GetValues("Access-Control-Expose-Headers"), plain.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.DoesNotContain("Origin", plain.Headers.Vary);
        // Nor does a browser ever read an answer as other than its media type says.
        Assert.Equal("nosniff", Assert.Single(plain.Headers.GetValues("X-Content-Type-Options")));

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, url);
        revalidation.Headers.TryAddWithoutValidation("If-None-Match", plain.Headers.ETag?.ToString() ?? "\"none\"");
        using var notModified = await client.SendAsync(revalidation);
        Assert.Equal("*", Assert.Single(notModified.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    // Swagger UI is a page with buttons that send requests: another site must not frame it (clickjacking).
    [Theory]
    [InlineData("/docs/index.html")]
    [InlineData("/docs/index.js")]
    public async Task TheDocsPagesAreNotFramedByOtherSites(string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    // Only answers that add English on request vary by Accept-Language: on the rest a shared cache kept one copy per
    // browser language string for the same bytes.
    [Theory]
    [InlineData("/api/v1/goals", true)]
    [InlineData("/api/v1/sub-measures/2-1-1", true)]
    [InlineData("/api/v1/search?q=MICE", true)]
    [InlineData("/api/v1/kpis", false)]
    [InlineData("/api/v1/catalog", false)]
    [InlineData("/api/v1/export/csv.zip", false)]
    [InlineData("/api/v1/export/csv/sub-measures.csv", false)]
    [InlineData("/openapi/v1.json", false)]
    public async Task OnlyAnswersThatCanCarryEnglishVaryByAcceptLanguage(string url, bool varies)
    {
        using var japanese = await client.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var english = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, japanese.StatusCode);
        Assert.Equal(varies, japanese.Headers.Vary.Contains("Accept-Language"));
        Assert.Equal(varies, english.Headers.Vary.Contains("Accept-Language"));
        Assert.Contains("Accept", japanese.Headers.Vary);
        if (!varies)
        {
            Assert.Equal(await japanese.Content.ReadAsByteArrayAsync(), await english.Content.ReadAsByteArrayAsync());
        }
        else
        {
            Assert.NotEqual(japanese.Headers.ETag, english.Headers.ETag);
        }
    }

    [Fact]
    public async Task PreflightAllowsGetFromAnyOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/goals");
        request.Headers.Add("Origin", "https://civic-app.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("GET", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.Contains("if-none-match", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        // A browser app that revalidates sends If-None-Match, which is not CORS-safelisted: without a max age the browser
        // would send a preflight before every single request.
        Assert.Equal("7200", Assert.Single(response.Headers.GetValues("Access-Control-Max-Age")));
    }

    // The CORS middleware copies the names asked for into its answer, and Kestrel refuses to send a header value that
    // is not ASCII: x-é had been a 500. A name that is no HTTP field name is a 400; names that are, of any case, pass.
    [Theory]
    [InlineData("x-é", HttpStatusCode.BadRequest)]
    [InlineData("x-\u202E", HttpStatusCode.BadRequest)]
    [InlineData("if-none-match, X-Custom-Trace_1", HttpStatusCode.NoContent)]
    public async Task APreflightAskingForAHeaderThatIsNoFieldNameIsA400(string names, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", "https://civic-app.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        Assert.True(request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", names));
        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Access-Control-Request-Headers", System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("detail"));
        }
    }

    [Fact]
    public async Task ResponsesAreCompressedForClientsThatAcceptIt()
    {
        using var handlerless = api.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sub-measures?limit=200");
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await handlerless.SendAsync(request);
        // One Vary line (read before the typed Vary parses it into tokens), naming each header once, from the
        // compression middleware and the validators together.
        Assert.Single(response.Headers.NonValidated["Vary"]);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(response.Headers.Vary.Count, response.Headers.Vary.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    // RFC 9110 §12.5.3: * stands for the codings not listed, and q=0 refuses one: br;q=0, * had been answered in br.
    [Theory]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("*;q=0.5, br;q=0", "gzip")]
    [InlineData("br;q=0, gzip;q=0, *", "")]
    [InlineData("gzip;q=0, *", "br")]
    [InlineData("*", "br")]
    [InlineData("*;q=0", "")]
    public async Task AWildcardInAcceptEncodingStandsOnlyForTheCodingsNotListed(string acceptEncoding, string expected)
    {
        using var handlerless = api.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sub-measures?limit=200");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await handlerless.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, string.Join(",", response.Content.Headers.ContentEncoding));
    }
}
