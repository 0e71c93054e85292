using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// Last-Modified is never newer than the data an answer was made from, so a client revalidating by date is never
/// told 304 for bytes a write has since replaced, nor older than data it may hold. The race is made here by hand: the
/// write commits while the answer is on its way.
/// </summary>
public sealed class LastModifiedDatingTests
{
    private static readonly DateTimeOffset EarlierWrite = new(2026, 12, 5, 2, 28, 6, 300, TimeSpan.Zero);

    [Fact]
    public async Task AWriteCommittedWhileAnAnswerIsMadeLeavesItUndated()
    {
        // The answer may hold the write (a read of the store met it) or not: the date from before would be older than
        // the one, the date after newer than the other. The ETag alone says what the bytes are.
        var dataset = new DatasetVersion();
        dataset.Observed(EarlierWrite, readBegan: EarlierWrite.AddSeconds(1.1));
        var clock = new SettableClock(EarlierWrite.AddSeconds(1.5));

        var http = await AnswerAsync(dataset, clock, () =>
        {
            dataset.Advance(EarlierWrite.AddSeconds(1.8)); // the write commits after the answer read its snapshot
            clock.Now = EarlierWrite.AddSeconds(2.2);
        });

        Assert.Null(http.Response.GetTypedHeaders().LastModified);
        Assert.NotNull(http.Response.GetTypedHeaders().ETag);
    }

    [Fact]
    public async Task AnAnswerBegunWithinItsDataSecondIsNotDatedEvenIfItEndsAfterIt()
    {
        // A second write in the same second would share the date: a client holding it could be told "not modified".
        var dataset = new DatasetVersion();
        dataset.Observed(EarlierWrite, readBegan: EarlierWrite.AddSeconds(0.4));
        var clock = new SettableClock(EarlierWrite.AddSeconds(0.4));

        var http = await AnswerAsync(dataset, clock, () => clock.Now = EarlierWrite.AddSeconds(1.2));

        Assert.Null(http.Response.GetTypedHeaders().LastModified);
        Assert.NotNull(http.Response.GetTypedHeaders().ETag);
    }

    [Fact]
    public void TheSecondBeingOverIsNotEnoughUntilTheStoreIsReadAfterIt()
    {
        // Another instance, or a write of this one still committing, may yet add a change stamped within the second.
        var dataset = new DatasetVersion();
        dataset.Observed(EarlierWrite, readBegan: EarlierWrite.AddSeconds(0.5));
        var before = dataset.ValidatorDate();
        dataset.Observed(EarlierWrite, readBegan: EarlierWrite.AddSeconds(1.6));

        Assert.Null(before);
        Assert.Equal(DatasetVersion.WholeSeconds(EarlierWrite), dataset.ValidatorDate());
    }

    private static async Task<HttpContext> AnswerAsync(DatasetVersion dataset, TimeProvider clock, Action whileAnswering)
    {
        var middleware = new ConditionalGetMiddleware(async http =>
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync("""{"title":"made from the snapshot before the write"}""");
            whileAnswering();
        }, dataset, clock);
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Get;
        http.Request.Path = "/api/v1/goals";
        http.Response.Body = new MemoryStream();
        await middleware.InvokeAsync(http);
        return http;
    }
}
