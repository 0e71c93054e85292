using Kushiro.OpenData.Api.Tests.Kpis;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// What an operator relies on for memory: once the data has changed, the answers kept under the old data leave the
/// output cache, and nothing a client sees shows whether they did. The cache's store is watched from outside.
/// </summary>
public sealed class OutputCacheEvictionTests(WatchedCacheApiFactory api) : IClassFixture<WatchedCacheApiFactory>
{
    [Fact]
    public async Task AnswersKeptUnderTheOldDataLeaveTheCacheAfterAWrite()
    {
        using var first = await api.CreateClient().GetSettledAsync("/api/v1/measures/2-1");
        var (oldKey, oldTags) = Assert.Single(api.Kept, e => e.Key.Contains("/API/V1/MEASURES/2-1", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(oldTags);

        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        using var written = await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("evicts-old-answers", goalId: "2", measureId: "2-1"));
        Assert.Equal(System.Net.HttpStatusCode.Created, written.StatusCode);
        using var afterWrite = await api.CreateClient().GetSettledAsync("/api/v1/measures/2-1");

        // The eviction runs once a second; a few seconds allow for a slow machine.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await api.Store.GetAsync(oldKey, default) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.Null(await api.Store.GetAsync(oldKey, default));
        Assert.Contains(oldTags, api.Evicted.Contains);
        // The answer kept since, under the new data, is another entry, and it stays.
        var (newKey, _) = api.Kept.Last(e => e.Key.Contains("/API/V1/MEASURES/2-1", StringComparison.OrdinalIgnoreCase));
        Assert.NotEqual(oldKey, newKey);
        Assert.NotNull(await api.Store.GetAsync(newKey, default));
    }
}
