using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// Answers come from the output cache once seen; these are the ways a cache answers the wrong request, each of
/// which a client would notice.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class OutputCacheTests(SharedApiFactory api)
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task AHeadDoesNotLeaveAnEmptyBodyForTheNextGet()
    {
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/measures/2-1"));
        using var get = await client.GetAsync("/api/v1/measures/2-1");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("2-1", (await client.GetJsonAsync("/api/v1/measures/2-1")).Text("id"));
        Assert.Equal(head.Content.Headers.ContentLength, (await get.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task AnAnswerFromTheCacheReportsTheSupportedVersionsAsTheFirstDid()
    {
        // A client reading the versions from any answer (README: answers with a body carry api-supported-versions)
        // must not depend on whether the output cache served it.
        using var first = await client.GetSettledAsync("/api/v1/measures/3-2");
        using var cached = await client.GetAsync("/api/v1/measures/3-2");

        Assert.NotNull(cached.Headers.Age); // the output cache's answer
        Assert.True(first.Headers.TryGetValues("api-supported-versions", out var reported), "the first answer reports the versions");
        Assert.True(cached.Headers.TryGetValues("api-supported-versions", out var reportedFromCache), "the cached answer reports the versions");
        Assert.Equal(reported, reportedFromCache);
    }

    [Fact]
    public async Task IdsDifferingOnlyInCaseAreDifferentResources()
    {
        await client.GetJsonAsync("/api/v1/themes/fields/energy");

        await client.GetJsonAsync("/api/v1/themes/fields/ENERGY", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EveryQueryValueCountsAndAWrongOneIsStillA400()
    {
        var medical = await client.GetJsonAsync("/api/v1/search?q=%E5%8C%BB%E7%99%82"); // 医療
        var tourism = await client.GetJsonAsync("/api/v1/search?q=%E8%A6%B3%E5%85%89"); // 観光
        await client.GetJsonAsync("/api/v1/sub-measures?theme=sdgs:8");

        Assert.NotEqual(medical.Items().Select(i => i.Text("id")), tourism.Items().Select(i => i.Text("id")));
        await client.GetJsonAsync("/api/v1/sub-measures?theme=SDGS:8", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RequestsThatShareAnEntryGetTheSameLinks()
    {
        // Parameter order and name case do not change a list, so they share a cache entry: its links must fit both.
        var first = await client.GetJsonAsync("/api/v1/sub-measures?theme=sdgs:8&goal=1&limit=2");
        var second = await client.GetJsonAsync("/api/v1/sub-measures?limit=2&Goal=1&theme=sdgs:8");

        Assert.Equal("/api/v1/sub-measures?goal=1&theme=sdgs%3A8&limit=2&offset=0", first.GetProperty("links").Text("self"));
        Assert.Equal(first.GetProperty("links").ToString(), second.GetProperty("links").ToString());
    }

    [Fact]
    public async Task EnglishAndJapaneseAnswersAreKeptApart()
    {
        // Settled: the Japanese answer is kept, so an English request that shared its entry would be given it.
        var japanese = api.CreateClient();
        japanese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/goals/3");
        english.Headers.AcceptLanguage.ParseAdd("en");

        using var ja = await japanese.GetSettledAsync("/api/v1/goals/3");
        using var en = await client.SendAsync(english);

        Assert.DoesNotContain("\"en\"", await ja.Content.ReadAsStringAsync());
        Assert.Contains("\"en\"", await en.Content.ReadAsStringAsync());
        Assert.Equal("en", Assert.Single(en.Content.Headers.ContentLanguage));
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/ns/context.jsonld")]
    public async Task AQueryAFixedDocumentIgnoresSharesItsAnswer(string url)
    {
        // Each distinct query had been kept as an answer of its own: a few hundred KB for each junk parameter, enough
        // to push everyone's answers out of the cache with a minute's allowance of requests.
        using var first = await client.GetSettledAsync(url);

        using var junk = await client.GetAsync(url + "?junk=" + Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.OK, junk.StatusCode);
        Assert.NotNull(junk.Headers.Age); // the answer kept for the URL without a query
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await junk.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/v1/goals/2", "fr", "de-DE, ko;q=0.5", false)]
    [InlineData("/api/v1/goals/4", "en-US", "en-GB, en;q=0.8, ja;q=0.2", true)]
    public async Task LanguagesSpelledDifferentlyShareTheirAnswer(string url, string firstSpelling, string secondSpelling, bool english)
    {
        // Browsers each send their own Accept-Language; the answer depends only on whether it asks for English, so a
        // second spelling of the same choice is answered from memory, not made and kept once more.
        var firstClient = api.CreateClient();
        firstClient.DefaultRequestHeaders.AcceptLanguage.ParseAdd(firstSpelling);
        using var first = await firstClient.GetSettledAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(secondSpelling);

        using var second = await client.SendAsync(request);

        Assert.NotNull(second.Headers.Age); // the output cache's answer
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(english, (await second.Content.ReadAsStringAsync()).Contains("\"en\""));
    }

    [Fact]
    public async Task ARevalidationTheCacheCannotAnswerIsA304AndTheAnswerIsKeptForTheNextOne()
    {
        // A poller after a restart or a write: it holds the current ETag, but this instance has not served its variant
        // yet (an Accept no other request sends). It is told 304, as RFC 9110 requires, and the full answer
        // made for it is kept: the next request for the variant, conditional or not, is answered from memory.
        HttpRequestMessage Request(EntityTagHeaderValue? etag)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/measures/4-1");
            request.Headers.Accept.ParseAdd("application/json;q=0.7");
            if (etag is not null)
            {
                request.Headers.IfNoneMatch.Add(etag);
            }
            return request;
        }
        // Settled: an answer given within the second of the last change has no date yet and is not kept.
        using var plain = await client.GetSettledAsync("/api/v1/measures/4-1");
        var current = plain.Headers.ETag!;

        using var firstRequest = Request(current);
        using var first = await client.SendAsync(firstRequest);
        using var secondRequest = Request(current);
        using var second = await client.SendAsync(secondRequest);
        using var unconditionalRequest = Request(null);
        using var unconditional = await client.SendAsync(unconditionalRequest);

        Assert.Equal(HttpStatusCode.NotModified, first.StatusCode);
        Assert.Equal(current, first.Headers.ETag);
        Assert.Empty(await first.Content.ReadAsByteArrayAsync());
        Assert.Null(first.Content.Headers.ContentType);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unconditional.StatusCode);
        Assert.NotNull(unconditional.Headers.Age); // the answer made for the first revalidation, kept
        Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), await unconditional.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ARevalidationWithAnOldETagTheCacheCannotAnswerGetsTheFullAnswer()
    {
        using var plain = await client.GetSettledAsync("/api/v1/measures/2-4");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/measures/2-4");
        request.Headers.Accept.ParseAdd("application/json;q=0.6");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-answer\"", isWeak: true));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(plain.Headers.ETag, response.Headers.ETag);
        Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("HEAD", null)]
    [InlineData("GET", "only-if-cached")]
    public async Task RevalidationsTheCacheDoesNotAnswerAreStill304s(string method, string? cacheControl)
    {
        // Neither a HEAD nor an only-if-cached request is answered from the output cache: a full answer to their
        // revalidation would not spare the next one anything, so they keep getting 304s.
        using var plain = await client.GetSettledAsync("/api/v1/measures/4-2");
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), "/api/v1/measures/4-2");
            request.Headers.IfNoneMatch.Add(plain.Headers.ETag!);
            if (cacheControl is not null)
            {
                request.Headers.CacheControl = CacheControlHeaderValue.Parse(cacheControl);
            }
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        }
    }

    [Fact]
    public async Task OnlyIfCachedIsAnsweredByTheOriginNotWithA504()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/measures/3-2");
        request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { OnlyIfCached = true };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"3-2\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v1/kpis?limit=111")]
    [InlineData("/api/v1/catalog")]
    public async Task AnAnswerWhoseClientHungUpWhileItWasWrittenIsNotKeptForOthers(string url)
    {
        // MVC stops writing, silently, once the client has gone: a 200 with an empty body, which the cache had kept
        // and served to every later client of the URL until the data changed. The client here hangs up just as MVC
        // starts to write, where a real one hanging up during the request lands most of the time.
        using var hangingUp = api.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<MvcOptions>(o => o.Filters.Add(new HangUpBeforeWriting()))));
        // Answers are kept once the second of the last change is over (ConditionalGetMiddleware): a new instance's store
        // has only just been brought up to date.
        using (await hangingUp.CreateClient().GetSettledAsync("/api/v1/plan"))
        {
        }
        using var hungUp = new CancellationTokenSource();
        var path = url.Split('?');
        var first = await hangingUp.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Host = new HostString("localhost"); // as the test client sends it: Host is part of the cache key
            http.Request.Path = path[0];
            http.Request.QueryString = path.Length > 1 ? new QueryString("?" + path[1]) : QueryString.Empty;
            http.Items[HangUpBeforeWriting.Key] = hungUp;
            http.RequestAborted = hungUp.Token;
        });
        using var later = await hangingUp.CreateClient().GetAsync(url);

        Assert.True(hungUp.IsCancellationRequested, $"the first request went its own way: {first.Response.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.NotEmpty(await later.Content.ReadAsByteArrayAsync());
    }

    private sealed class HangUpBeforeWriting : IResultFilter
    {
        public const string Key = "test:hang-up";

        public void OnResultExecuting(ResultExecutingContext context) =>
            (context.HttpContext.Items[Key] as CancellationTokenSource)?.Cancel();

        public void OnResultExecuted(ResultExecutedContext context)
        {
        }
    }

    [Fact]
    public async Task HostNamesDifferingInCaseGetTheSameNormalizedLinkedDataIris()
    {
        // Without LinkedData:BaseIri, IRIs are built on the host a request came to, normalized as a configured base is
        // (RFC 3986: a host's case and a default port say nothing), so that two spellings of one host name the same
        // things; and one client's spelling must not end up in another's answer through the cache.
        async Task<string> ContextFor(string host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/ns/context.jsonld");
            request.Headers.Host = host;
            using var response = await client.SendAsync(request);
            return await response.Content.ReadAsStringAsync();
        }

        var upper = await ContextFor("Data.Example");
        var lower = await ContextFor("data.example");

        Assert.Contains("http://data.example/ns#", upper);
        Assert.Equal(upper, lower);
        Assert.Equal(lower, await ContextFor("data.example:80"));
        Assert.Contains("http://data.example:5088/ns#", await ContextFor("DATA.example:05088"));
    }
}
