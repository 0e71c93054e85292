using System.Net;
using Kushiro.OpenData.Api.Tests.Seed;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// What Kestrel itself writes: the in-memory test server writes no Date, so a 304's Date is checked on the real app.
/// </summary>
public sealed class RevalidationDateTests
{
    // The output cache made its 304 with the kept answer's Date and no Age (its 200s carry Age): a cache downstream
    // took the revalidated answer for as old as the kept one. A 304 is dated when it is made.
    [Fact]
    public async Task A304FromTheCacheIsDatedWhenItIsMade()
    {
        using var seed = new SeedFolder();
        DateTimeOffset? keptDate = null, revalidatedDate = null;
        HttpStatusCode? revalidation = null;
        TimeSpan? keptAge = null;
        await AppProcess.ServeAsync(seed.AppEnvironment(), seed.Parent, async address =>
        {
            using var client = new HttpClient { BaseAddress = address };
            using var kept = await client.GetSettledAsync("/api/v1/measures/4-1");
            using var cached = await client.GetAsync("/api/v1/measures/4-1");
            (keptDate, keptAge) = (cached.Headers.Date, cached.Headers.Age);
            await Task.Delay(TimeSpan.FromSeconds(2)); // Kestrel's clock moves in whole seconds

            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/measures/4-1");
            request.Headers.IfNoneMatch.Add(kept.Headers.ETag!);
            using var revalidated = await client.SendAsync(request);
            (revalidation, revalidatedDate) = (revalidated.StatusCode, revalidated.Headers.Date);
        });

        Assert.NotNull(keptAge); // the 200 came from the output cache, with the Date it was kept at
        Assert.Equal(HttpStatusCode.NotModified, revalidation);
        Assert.NotNull(revalidatedDate);
        Assert.True(revalidatedDate > keptDate, $"304 dated {revalidatedDate:R}, the kept answer {keptDate:R}");
    }
}
