namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// When the served data last changed, kept in memory so every response can carry Last-Modified without a
/// store read. Set from the store when it is brought up to date.
/// </summary>
public sealed class DatasetVersion
{
    private long lastModifiedTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    public DateTimeOffset LastModified => new(Interlocked.Read(ref lastModifiedTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset lastModified) => Interlocked.Exchange(ref lastModifiedTicks, lastModified.UtcTicks);
}
