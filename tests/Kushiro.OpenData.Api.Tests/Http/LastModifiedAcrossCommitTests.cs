using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Kushiro.OpenData.Api.Data.Providers;
using Kushiro.OpenData.Api.Tests.Kpis;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// A write takes its stamp before it commits. When the commit ends in a later second, readers in between see that
/// second over and the write not there yet: the older bytes they get must not be dated with the second the write
/// will carry, or a mirror revalidating by date (wget -N, a harvester) is told 304 and never gets the write.
/// </summary>
public sealed class LastModifiedAcrossCommitTests : IDisposable
{
    private const string Figures = "/api/v1/kpis/across-commit/observations";
    private static readonly DateTimeOffset Second = new(2026, 12, 5, 5, 0, 10, TimeSpan.Zero);
    private readonly ClockedApiFactory api = new();

    [Fact]
    public async Task AWriteCommittingIntoTheNextSecondLeavesNoWindowForDatesOrPreconditions()
    {
        var (clock, pause) = (api.Clock, api.Pause);
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("across-commit"));
        clock.Now = Second.AddSeconds(-0.7);
        Assert.Equal(HttpStatusCode.Created, (await staff.PutJsonAsync($"{Figures}/FY2023", StaffClient.Figure(1))).StatusCode);

        // The next write is stamped at .999 and commits in the following second. A mirror reads before the commit; another
        // staff tool, holding the same bytes, writes "only if unmodified since" right after the commit; then the mirror
        // revalidates by date.
        HttpResponseMessage? meanwhile = null, guardedWrite = null;
        pause.BeforeNextCommit = async () =>
        {
            clock.Now = Second.AddSeconds(1.001);
            meanwhile = await api.CreateClient().GetSettledAsync(Figures);
        };
        pause.AfterNextCommit = async () =>
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"{Figures}/FY2022") { Content = JsonContent.Create(StaffClient.Figure(9)) };
            put.Headers.IfUnmodifiedSince = Second;
            guardedWrite = await staff.SendAsync(put);
        };
        clock.Now = Second.AddSeconds(0.999);
        Assert.Equal(HttpStatusCode.Created, (await staff.PutJsonAsync($"{Figures}/FY2024", StaffClient.Figure(2))).StatusCode);

        Assert.NotNull(meanwhile);
        Assert.DoesNotContain("FY2024", await meanwhile.Content.ReadAsStringAsync());
        Assert.Equal(Second, meanwhile.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.PreconditionFailed, guardedWrite?.StatusCode);
        var mirror = api.CreateClient();
        mirror.DefaultRequestHeaders.IfModifiedSince = Second;
        var revalidated = await mirror.GetAsync(Figures);
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.Contains("FY2024", await revalidated.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AWriteWhoseCommitTakesOverASecondMovesItsStampPastTheCommit()
    {
        var (clock, pause) = (api.Clock, api.Pause);
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("across-commit"));
        clock.Now = Second.AddSeconds(0.3);
        Assert.Equal(HttpStatusCode.Created, (await staff.PutJsonAsync($"{Figures}/FY2023", StaffClient.Figure(1))).StatusCode);

        // Stamped within the same second as the write before; its commit ends more than a second later.
        HttpResponseMessage? meanwhile = null;
        pause.BeforeNextCommit = async () =>
        {
            clock.Now = Second.AddSeconds(2.1);
            meanwhile = await api.CreateClient().GetSettledAsync(Figures);
        };
        clock.Now = Second.AddSeconds(0.999);
        Assert.Equal(HttpStatusCode.Created, (await staff.PutJsonAsync($"{Figures}/FY2024", StaffClient.Figure(2))).StatusCode);

        Assert.NotNull(meanwhile);
        Assert.DoesNotContain("FY2024", await meanwhile.Content.ReadAsStringAsync());
        var dated = meanwhile.Content.Headers.LastModified;
        Assert.NotNull(dated);
        var mirror = api.CreateClient();
        mirror.DefaultRequestHeaders.IfModifiedSince = dated;
        var revalidation = await mirror.GetAsync(Figures);
        Assert.Equal(HttpStatusCode.OK, revalidation.StatusCode);
        Assert.Contains("FY2024", await revalidation.Content.ReadAsStringAsync());
    }

    // What a reviewer did on PostgreSQL by holding a lock on the feed's table: the write's statements wait for over a
    // second, and another staff tool, holding the bytes from before it and their date, writes "only if unmodified
    // since" right after its commit. That write had passed (a lost update), the first write's stamp being still in
    // the second the tool had been given.
    [Fact]
    public async Task AWriteWhoseStatementsWaitOverASecondIsStampedAfterThem()
    {
        var (clock, pause, slow) = (api.Clock, api.Pause, api.SlowFeed);
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("across-commit"));
        clock.Now = Second.AddSeconds(0.3);
        Assert.Equal(HttpStatusCode.Created, (await staff.PutJsonAsync($"{Figures}/FY2023", StaffClient.Figure(1))).StatusCode);

        HttpResponseMessage? meanwhile = null, guardedWrite = null;
        slow.WhileInsertingIntoTheFeed = async () =>
        {
            clock.Now = Second.AddSeconds(2.1);
            meanwhile = await api.CreateClient().GetSettledAsync(Figures);
        };
        pause.AfterNextCommit = async () =>
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"{Figures}/FY2022") { Content = JsonContent.Create(StaffClient.Figure(9)) };
            put.Headers.IfUnmodifiedSince = meanwhile!.Content.Headers.LastModified;
            guardedWrite = await staff.SendAsync(put);
        };
        pause.BeforeNextCommit = () => Task.CompletedTask; // arms AfterNextCommit for this write's commit
        clock.Now = Second.AddSeconds(0.999);
        Assert.Equal(HttpStatusCode.Created, (await staff.PutJsonAsync($"{Figures}/FY2024", StaffClient.Figure(2))).StatusCode);

        Assert.NotNull(meanwhile);
        Assert.DoesNotContain("FY2024", await meanwhile.Content.ReadAsStringAsync());
        Assert.Equal(Second.AddSeconds(1), meanwhile.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.PreconditionFailed, guardedWrite?.StatusCode);
        Assert.DoesNotContain("FY2022", await (await api.CreateClient().GetAsync(Figures)).Content.ReadAsStringAsync());
    }

    // The seed import is a write too: its statements waiting over a second (a lock another instance's write holds)
    // must not leave its stamp in a second readers may meanwhile have been given for older bytes.
    [Fact]
    public async Task ASeedImportWhoseStatementsWaitOverASecondIsStampedAfterThem()
    {
        api.Clock.Now = Second.AddSeconds(0.2);
        api.SlowFeed.WhileInsertingIntoTheFeed = () =>
        {
            api.Clock.Now = Second.AddSeconds(2.5);
            return Task.CompletedTask;
        };
        var client = api.CreateClient(); // the import runs as the server starts
        api.Clock.Now = Second.AddSeconds(10);

        using var answer = await client.GetSettledAsync("/api/v1/goals");

        // The second after the statements ended (2.5), not after the import began (0.2), nor the commit's own time.
        Assert.Equal(Second.AddSeconds(3), answer.Content.Headers.LastModified);
    }

    public void Dispose() => api.Dispose();

    private sealed class ClockedApiFactory : ApiFactory
    {
        public SettableClock Clock { get; } = new(Second.AddSeconds(-10));

        public CommitPause Pause { get; } = new();

        public FeedInsertPause SlowFeed { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(Clock);
                s.ConfigureDbContext<SqliteStoreContext>(o => o.AddInterceptors(Pause, SlowFeed));
            });
        }
    }

    /// <summary>Runs a step once just before the next commit of a write, and another right after that commit.</summary>
    private sealed class CommitPause : DbTransactionInterceptor
    {
        private bool paused;

        public Func<Task>? BeforeNextCommit { get; set; }

        public Func<Task>? AfterNextCommit { get; set; }

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (BeforeNextCommit is { } step)
            {
                BeforeNextCommit = null;
                paused = true;
                await step();
            }
            return result;
        }

        public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (paused && AfterNextCommit is { } step)
            {
                (paused, AfterNextCommit) = (false, null);
                await step();
            }
        }
    }

    /// <summary>Runs a step once while a write inserts its entries into the changes feed: its statements take that long.</summary>
    private sealed class FeedInsertPause : DbCommandInterceptor
    {
        public Func<Task>? WhileInsertingIntoTheFeed { get; set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (WhileInsertingIntoTheFeed is { } step && command.CommandText.Contains("INSERT INTO \"Changes\"", StringComparison.Ordinal))
            {
                WhileInsertingIntoTheFeed = null;
                await step();
            }
            return result;
        }
    }
}
