using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kushiro.OpenData.Api.Tests.Seed;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// Dates as Kestrel writes them: the in-memory test server writes no Date, so what a client does with one is checked
/// on the real app.
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

    // README: a mirror paging through a list sends the first page's Last-Modified, or its Date when it has none (for a
    // second or two after a write), as If-Unmodified-Since; a write between two pages then always gives a 412. Pagers
    // whose first page had no date had dropped one KPI and repeated another, with total unchanged.
    [Fact]
    public async Task APagerSendingTheFirstPagesDateMeetsA412ForAWriteBetweenPages()
    {
        using var seed = new SeedFolder();
        var created = await AppProcess.RunAsync(["apikey", "create", "--name", "pager", "--scope", "kpi:write"], seed.AppEnvironment(), seed.Parent);
        Assert.Equal(0, created.ExitCode);
        var answers = new List<(bool Dated, HttpStatusCode Next)>();
        await AppProcess.ServeAsync(seed.AppEnvironment(), seed.Parent, async address =>
        {
            using var client = new HttpClient { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Output.Trim());
            for (var round = 0; round < 3; round++)
            {
                (await client.PostAsJsonAsync("/api/v1/kpis", new { id = $"before-{round}", goalId = "1", name = "前", definition = "前。", unit = "件", direction = "increase" })).EnsureSuccessStatusCode();
                using var first = await client.GetAsync("/api/v1/kpis?limit=1");
                var since = first.Content.Headers.LastModified ?? first.Headers.Date;
                (await client.PostAsJsonAsync("/api/v1/kpis", new { id = $"between-{round}", goalId = "1", name = "間", definition = "間。", unit = "件", direction = "increase" })).EnsureSuccessStatusCode();

                using var next = new HttpRequestMessage(HttpMethod.Get, "/api/v1/kpis?limit=1&offset=1");
                next.Headers.IfUnmodifiedSince = since;
                using var answer = await client.SendAsync(next);
                answers.Add((first.Content.Headers.LastModified is not null, answer.StatusCode));
            }
        });

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.Next));
        Assert.Contains(answers, a => !a.Dated); // the case the Date is for: a first page right after a write
    }
}
