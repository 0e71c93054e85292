using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>The API with its output cache store wrapped, so a test sees what is kept (key, tags) and evicted.</summary>
public class WatchedCacheApiFactory : ApiFactory
{
    public ConcurrentQueue<(string Key, string[] Tags)> Kept { get; } = new();

    public ConcurrentBag<string> Evicted { get; } = [];

    public IOutputCacheStore Store => Services.GetRequiredService<IOutputCacheStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            services.Remove(original);
            services.AddSingleton<IOutputCacheStore>(provider => new WatchedStore(
                (IOutputCacheStore)(original.ImplementationInstance ?? original.ImplementationFactory!(provider)), this));
        });
    }

    private sealed class WatchedStore(IOutputCacheStore inner, WatchedCacheApiFactory watcher) : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            watcher.Evicted.Add(tag);
            return inner.EvictByTagAsync(tag, cancellationToken);
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            watcher.Kept.Enqueue((key, tags ?? []));
            return inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
    }
}
