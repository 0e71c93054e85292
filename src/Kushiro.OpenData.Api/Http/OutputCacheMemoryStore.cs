using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// The output cache's store, in memory, counting what an entry really costs against the size limit: its answer, its
/// key and its bookkeeping. ASP.NET Core's own store counts the answer alone, while a key holds the path, the whole
/// query and the varied headers: distinct GraphQL GETs of 2,000-character query strings with 31-byte answers cost
/// about 7.5 KB each and counted about 120 bytes, so an 8 MB limit let the cache grow to about 520 MB (a security
/// review took RSS from 177 to 701 MB). Tags work as in ASP.NET Core's store: evicting one drops every entry kept
/// under it (Http/OutputCacheEviction.cs evicts the tags of old change stamps).
/// </summary>
public sealed class OutputCacheMemoryStore : IOutputCacheStore, IDisposable
{
    /// <summary>
    /// What an entry costs besides its answer's and its key's bytes: the cache's entry and its options, the eviction
    /// callback's registration, the key's slots in the cache's and the tag's sets, the array and string headers.
    /// </summary>
    public const int EntryOverheadBytes = 512;

    private readonly MemoryCache cache;
    private readonly Dictionary<string, HashSet<string>> keysByTag = new(StringComparer.Ordinal);
    private readonly Lock tagsLock = new();

    public OutputCacheMemoryStore(long sizeLimitBytes) =>
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimitBytes });

    /// <summary>What an entry counts against the size limit.</summary>
    public static long CountedBytes(string key, byte[] answer) => (long)key.Length * sizeof(char) + answer.Length + EntryOverheadBytes;

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(cache.Get(key) as byte[]);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var options = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = validFor, Size = CountedBytes(key, value) };
        if (tags is not { Length: > 0 })
        {
            cache.Set(key, value, options);
            return ValueTask.CompletedTask;
        }
        options.RegisterPostEvictionCallback(ForgetKey, tags);
        // The key joins its tags and the entry the cache under one lock, so an eviction of a tag sees either both or
        // neither: never a key it cannot find yet, whose entry would then outlive the eviction.
        lock (tagsLock)
        {
            foreach (var tag in tags)
            {
                if (!keysByTag.TryGetValue(tag, out var keys))
                {
                    keysByTag[tag] = keys = new HashSet<string>(StringComparer.Ordinal);
                }
                keys.Add(key);
            }
            cache.Set(key, value, options);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        string[] keys;
        lock (tagsLock)
        {
            if (!keysByTag.Remove(tag, out var tagged))
            {
                return ValueTask.CompletedTask;
            }
            keys = [.. tagged];
        }
        // Outside the lock: each removal's callback takes it (the cache runs callbacks on the thread pool).
        foreach (var key in keys)
        {
            cache.Remove(key);
        }
        return ValueTask.CompletedTask;
    }

    public void Dispose() => cache.Dispose();

    // An entry left the cache (expired, pushed out by size, evicted): its key leaves its tags' sets, else they would
    // hold every key ever kept until the tag is evicted. Not when it was replaced: the entry replacing it (two
    // identical misses answered side by side) has just put the same key under the same tags.
    private void ForgetKey(object key, object? value, EvictionReason reason, object? state)
    {
        if (reason == EvictionReason.Replaced || state is not string[] tags)
        {
            return;
        }
        lock (tagsLock)
        {
            foreach (var tag in tags)
            {
                if (keysByTag.TryGetValue(tag, out var keys) && keys.Remove((string)key) && keys.Count == 0)
                {
                    keysByTag.Remove(tag);
                }
            }
        }
    }
}
