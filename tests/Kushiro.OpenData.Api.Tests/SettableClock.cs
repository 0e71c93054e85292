namespace Kushiro.OpenData.Api.Tests;

/// <summary>A clock a test moves by hand, for what depends on the second a thing happened in.</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
