using Kushiro.OpenData.Api.Http;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// Which cached answers the eviction drops, round by round (Http/OutputCacheEviction.cs runs a round each second):
/// what memory an operator gets back after a write, including answers kept late by requests that began before it.
/// </summary>
public sealed class OutputCacheStampsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BeforeWrite = Start.AddHours(-1);
    private static readonly DateTimeOffset AfterWrite = Start;

    [Fact]
    public void TheCurrentDatasAnswersAreNeverDropped()
    {
        var stamps = new OutputCacheStamps(new SettableClock(Start));
        stamps.KeyPrefix(AfterWrite);
        Assert.Empty(stamps.EarlierThan(AfterWrite));
    }

    [Fact]
    public void AnswersOfEarlierDataAreDroppedOnEveryRoundForAMinuteThenTheRoundsForgetThem()
    {
        var clock = new SettableClock(Start);
        var stamps = new OutputCacheStamps(clock);
        var oldTag = OutputCacheStamps.Tag(stamps.KeyPrefix(BeforeWrite));
        var newTag = OutputCacheStamps.Tag(stamps.KeyPrefix(AfterWrite));

        Assert.Equal([oldTag], stamps.EarlierThan(AfterWrite));
        clock.Now = Start.AddSeconds(59); // an answer kept late, by a request that began before the write, goes too
        Assert.Equal([oldTag], stamps.EarlierThan(AfterWrite));
        clock.Now = Start.AddSeconds(61);
        Assert.Equal([oldTag], stamps.EarlierThan(AfterWrite));
        clock.Now = Start.AddSeconds(62);
        Assert.Empty(stamps.EarlierThan(AfterWrite)); // bounded work: a minute of rounds per write, not forever
        Assert.DoesNotContain(newTag, stamps.EarlierThan(AfterWrite));
    }
}
