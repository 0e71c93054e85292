using System.Net;
using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Kushiro.OpenData.Api.Tests.GraphQL.GraphQLHttp;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// What an operator relies on for memory: the output cache's size limit bounds what its entries cost, keys included.
/// A GraphQL GET's key holds its whole query string while its answer can be a few bytes, so a client asking for many
/// distinct small answers must not be able to keep more than the limit allows. Here the limit is small, so a hundred
/// requests are enough to show it.
/// </summary>
public sealed class OutputCacheSizeTests(OutputCacheSizeTests.SmallCacheApiFactory api) : IClassFixture<OutputCacheSizeTests.SmallCacheApiFactory>
{
    private const long SizeLimitBytes = 256 * 1024;

    [Fact]
    public async Task DistinctSmallAnswersWithLongKeysKeepNoMoreThanTheLimitAllows()
    {
        var client = api.CreateClient();
        // Query strings near the longest the cache keeps (2,048 characters), each answer the plan's id alone.
        var urls = Enumerable.Range(0, 100)
            .Select(i => "/graphql" + Q($"{{ plan {{ id }} }} # {i:D3} {new string('x', 1900)}"))
            .ToList();
        Assert.All(urls, url => Assert.InRange(url.Length, 1900, 2048));
        foreach (var url in urls)
        {
            using var answer = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        // What the store holds now (asking it directly: a request that missed would store its answer and push
        // another out).
        var keys = api.Kept.Select(k => k.Key).Distinct().ToList();
        Assert.Equal(urls.Count, keys.Count);
        var held = 0;
        foreach (var key in keys)
        {
            held += await api.Store.GetAsync(key, default) is null ? 0 : 1;
        }

        // Each key is at least 1,900 characters, so the limit holds at most this many such entries; counting answers
        // alone (a few hundred bytes each), all 100 had stayed. At least half of that many: the cache still keeps.
        var mostThatFit = SizeLimitBytes / (1900 * sizeof(char) + OutputCacheMemoryStore.EntryOverheadBytes);
        Assert.InRange(held, mostThatFit / 2, mostThatFit);
    }

    /// <summary>The API with a 256 KB output cache, its store watched.</summary>
    public sealed class SmallCacheApiFactory : WatchedCacheApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<OutputCacheOptions>(o => o.SizeLimit = SizeLimitBytes));
        }
    }
}
