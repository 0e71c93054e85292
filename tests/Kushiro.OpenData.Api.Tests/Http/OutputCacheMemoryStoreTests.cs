using Kushiro.OpenData.Api.Http;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// The output cache's store on its own: evicting a tag drops every entry kept under it, also when an older entry's
/// eviction callback, which the cache runs later on the thread pool, comes after a newer entry was kept under the
/// same key. An entry left untagged could never be hit again (keys begin with the data's stamp), but it would hold
/// its share of the cache's memory for its ten minutes, pushing live answers out.
/// </summary>
public sealed class OutputCacheMemoryStoreTests
{
    private const string Key = "638000000000000000GET/api/v1/goals";
    private static readonly string[] Tags = ["stamp:638000000000000000"];

    [Fact]
    public async Task ALateCallbackOfAnExpiredEntryLeavesTheNewerEntryUnderItsTag()
    {
        using var store = new OutputCacheMemoryStore(1024 * 1024);
        ExpireAndKeepAgainWhileCallbacksWait(store);
        // The expired entry's callback runs now.
        await Task.Delay(200);

        await store.EvictByTagAsync(Tags[0], default);
        Assert.Null(await store.GetAsync(Key, default));
    }

    // Held, the store's lock holds up eviction callbacks as a busy thread pool would. It is this thread's (a Lock is
    // released by the thread that took it, and it is re-entrant), so the store's calls, which complete synchronously,
    // are waited for here, outside any test method.
    private static void ExpireAndKeepAgainWhileCallbacksWait(OutputCacheMemoryStore store)
    {
        store.TagsLock.Enter();
        try
        {
            store.SetAsync(Key, new byte[10], Tags, TimeSpan.FromMilliseconds(1), default).AsTask().Wait();
            Thread.Sleep(20);
            // Expired: this read drops it and queues its callback.
            Assert.Null(store.GetAsync(Key, default).AsTask().Result);
            // The next miss keeps its answer under the same key and tag.
            store.SetAsync(Key, new byte[10], Tags, TimeSpan.FromMinutes(10), default).AsTask().Wait();
        }
        finally
        {
            store.TagsLock.Exit();
        }
    }

    [Fact]
    public async Task EvictingATagDropsItsEntriesAndLeavesOthers()
    {
        using var store = new OutputCacheMemoryStore(1024 * 1024);
        await store.SetAsync(Key, new byte[10], Tags, TimeSpan.FromMinutes(10), default);
        await store.SetAsync(Key + "/1", new byte[10], Tags, TimeSpan.FromMinutes(10), default);
        await store.SetAsync("638000000000000001GET/api/v1/goals", new byte[10], ["stamp:638000000000000001"], TimeSpan.FromMinutes(10), default);
        // The same key kept twice (two identical misses answered side by side): the second replaces the first.
        await store.SetAsync(Key, new byte[10], Tags, TimeSpan.FromMinutes(10), default);
        await Task.Delay(200);

        await store.EvictByTagAsync(Tags[0], default);
        Assert.Null(await store.GetAsync(Key, default));
        Assert.Null(await store.GetAsync(Key + "/1", default));
        Assert.NotNull(await store.GetAsync("638000000000000001GET/api/v1/goals", default));
    }
}
