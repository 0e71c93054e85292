using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Tests.Kpis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// The per-address rate limit (RateLimit:PermitsPerMinute) as a client meets it: past the limit a 429 problem with
/// Retry-After that changes nothing; answers from the output cache are not counted; a bad setting stops the start.
/// (In memory every request comes from the same, empty, address: one client.)
/// </summary>
public sealed class ClientRateLimitTests
{
    [Fact]
    public async Task PastTheLimitAnAddressGetsA429ProblemWithRetryAfterAndItsWriteChangesNothing()
    {
        using var api = new ApiFactory();
        api.Settings["RateLimit:PermitsPerMinute"] = "3";
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        foreach (var id in new[] { "1", "2", "3" })
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/goals/{id}")).StatusCode);
        }

        using var refused = await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("over-the-limit"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        // Three a minute accrue one every 20 s: that is the longest a client waits for its next permit.
        Assert.True(retryAfter >= TimeSpan.FromSeconds(1) && retryAfter <= TimeSpan.FromSeconds(20), $"Retry-After: {retryAfter}");
        // RFC 6585 §4: never stored by a cache, not only revalidated.
        Assert.True(refused.Headers.CacheControl?.NoStore, $"Cache-Control: {refused.Headers.CacheControl}");
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Too Many Requests", problem.RootElement.GetProperty("title").GetString());
        Assert.StartsWith($"More than 3 requests in a minute from this address. Retry in {retryAfter!.Value.TotalSeconds} seconds. ", problem.RootElement.GetProperty("detail").GetString());
        using var scope = api.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<OpenDataContext>().Kpis.AnyAsync(k => k.Id == "over-the-limit"));
        // Operators hear of it (a proxy without forwarded headers would throttle everyone).
        Assert.Contains(api.Problems, p => p.StartsWith("Rate limit: 1 request(s) refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWaitOfOneSecondIsSaidInTheSingular()
    {
        // Sixty a minute accrue one a second; the detail said "Retry in 1 seconds" (a civic review).
        using var api = new ApiFactory();
        api.Settings["RateLimit:PermitsPerMinute"] = "60";
        var client = api.CreateClient();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 200 && refused is null; i++)
        {
            var response = await client.GetAsync($"/api/v1/sub-measures?offset={i}"); // never the same twice: a repeat comes from the cache, uncounted
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(refused);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Retry in 1 second. ", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ALimitOfOneAMinuteRefillsOnceAMinuteNotEveryTenSeconds()
    {
        // The bucket was refilled by a sixth of the limit every 10 s, rounded up to a whole request: a limit of 1
        // let 6 requests a minute through, and Retry-After promised a permit within 10 s.
        using var api = new ApiFactory();
        api.Settings["RateLimit:PermitsPerMinute"] = "1";
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/goals/1")).StatusCode);

        using var refused = await client.GetAsync("/api/v1/goals/2");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter > TimeSpan.FromSeconds(50) && retryAfter <= TimeSpan.FromSeconds(60), $"Retry-After: {retryAfter}");
    }

    [Fact]
    public async Task RetryAfterIsTheTimeOnePermitTakesNotTheWholeMinute()
    {
        // Seven a minute accrue one every 8.6 s, but Retry-After said 60: a client that obeyed it lost most of its allowance.
        using var api = new ApiFactory();
        api.Settings["RateLimit:PermitsPerMinute"] = "7";
        var client = api.CreateClient();
        for (var i = 1; i <= 7; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/sub-measures?offset={i}")).StatusCode);
        }

        using var refused = await client.GetAsync("/api/v1/sub-measures?offset=8");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(9), refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task AnswersFromTheCacheAreNotCounted()
    {
        using var api = new ApiFactory();
        api.Settings["RateLimit:PermitsPerMinute"] = "2";
        var client = api.CreateClient();
        // An answer is kept only once it is dated: the seed import at start is dated the second after it, and a date
        // is sent once that second is over. Let it pass.
        await Task.Delay(TimeSpan.FromSeconds(2.1));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/goals")).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            using var repeat = await client.GetAsync("/api/v1/goals");
            Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
            Assert.NotNull(repeat.Headers.Age); // from the cache
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/measures")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/v1/sub-measures")).StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.1", "203.0.113.1", "203.0.113.2")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::ffff", "2001:db8:1:3::1")] // an IPv6 client by its /64
    public async Task BehindAProxyEachForwardedAddressHasItsOwnAllowance(string client, string sameClient, string otherClient)
    {
        using var api = new ApiFactory();
        api.Settings["RateLimit:PermitsPerMinute"] = "1";
        api.Settings["FORWARDEDHEADERS_ENABLED"] = "true"; // what ASPNETCORE_FORWARDEDHEADERS_ENABLED=true sets
        var http = api.CreateClient();
        async Task<HttpStatusCode> GetFromAsync(string address, string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("X-Forwarded-For", address);
            return (await http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await GetFromAsync(client, "/api/v1/goals/1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetFromAsync(sameClient, "/api/v1/goals/2"));
        Assert.Equal(HttpStatusCode.OK, await GetFromAsync(otherClient, "/api/v1/goals/3"));
    }

    [Fact]
    public async Task HealthIsNeverLimitedAndARefusalCarriesCorsHeadersForBrowserApps()
    {
        using var api = new ApiFactory();
        api.Settings["RateLimit:PermitsPerMinute"] = "1";
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/goals/1")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ goals { id } }" }) };
        request.Headers.Add("Origin", "https://civic.example");
        using var refused = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("*", Assert.Single(refused.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("Retry-After", string.Join(",", refused.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.OrdinalIgnoreCase);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        }
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("100000001")]
    [InlineData("many")]
    public void ALimitOutOfRangeStopsTheStartNamingTheSetting(string value)
        => ApiFactory.AssertStartRefused("RateLimit:PermitsPerMinute", value);
}
