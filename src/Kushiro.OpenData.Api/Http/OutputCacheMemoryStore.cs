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
    /// callback's registration, the key's slots in the cache's and its tag's dictionaries, the entry's record for its
    /// tags, the array and string headers (the code review measured about 452 bytes).
    /// </summary>
    public const int EntryOverheadBytes = 512;

    private readonly MemoryCache cache;
    // Under each tag, its keys, each with the entry kept under it last: an entry's eviction callback runs later, on
    // the thread pool, and must not take the key away from a newer entry kept under the same key meanwhile (the
    // next miss after an expiry or an eviction), which an eviction of the tag would then miss.
    private readonly Dictionary<string, Dictionary<string, KeptEntry>> entriesByTag = new(StringComparer.Ordinal);
    private readonly Lock tagsLock = new();

    /// <summary>For tests: holding it holds up the eviction callbacks, as a busy thread pool does.</summary>
    internal Lock TagsLock => tagsLock;

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
        var entry = new KeptEntry(tags);
        options.RegisterPostEvictionCallback(ForgetEntry, entry);
        // The key joins its tags and the entry the cache under one lock, so an eviction of a tag sees either both or
        // neither: never a key it cannot find yet, whose entry would then outlive the eviction.
        lock (tagsLock)
        {
            foreach (var tag in tags)
            {
                if (!entriesByTag.TryGetValue(tag, out var entries))
                {
                    entriesByTag[tag] = entries = new Dictionary<string, KeptEntry>(StringComparer.Ordinal);
                }
                entries[key] = entry;
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
            if (!entriesByTag.Remove(tag, out var tagged))
            {
                return ValueTask.CompletedTask;
            }
            keys = [.. tagged.Keys];
        }
        // Outside the lock: each removal's callback takes it (the cache runs callbacks on the thread pool).
        foreach (var key in keys)
        {
            cache.Remove(key);
        }
        return ValueTask.CompletedTask;
    }

    public void Dispose() => cache.Dispose();

    // An entry left the cache (expired, pushed out by size, evicted, replaced): its key leaves its tags, else they
    // would hold every key ever kept until the tag is evicted. Only while the key is still this entry's: a newer
    // entry under the same key has put it there again.
    private void ForgetEntry(object key, object? value, EvictionReason reason, object? state)
    {
        if (state is not KeptEntry entry)
        {
            return;
        }
        lock (tagsLock)
        {
            foreach (var tag in entry.Tags)
            {
                if (entriesByTag.TryGetValue(tag, out var entries) && entries.TryGetValue((string)key, out var kept) && ReferenceEquals(kept, entry))
                {
                    entries.Remove((string)key);
                    if (entries.Count == 0)
                    {
                        entriesByTag.Remove(tag);
                    }
                }
            }
        }
    }

    /// <summary>One entry as its tags know it: its identity is what its eviction callback compares.</summary>
    private sealed class KeptEntry(string[] tags)
    {
        public string[] Tags { get; } = tags;
    }
}
