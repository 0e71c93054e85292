using System.Data.Common;
using System.Net;
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
    private static readonly DateTimeOffset Second = new(2026, 12, 5, 5, 0, 10, TimeSpan.Zero);
    private readonly ClockedApiFactory api = new();

    [Fact]
    public async Task OlderBytesDatedWhileAWriteCommitsAcrossASecondAreNotToldNotModifiedAfterIt()
    {
        var (clock, pause) = (api.Clock, api.Pause);
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        const string figures = "/api/v1/kpis/across-commit/observations";
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("across-commit"));
        clock.Now = Second.AddSeconds(0.3);
        Assert.Equal(HttpStatusCode.Created, (await staff.PutJsonAsync($"{figures}/FY2023", StaffClient.Figure(1))).StatusCode);

        // The next write is stamped at .999 and commits in the following second; meanwhile a mirror reads.
        HttpResponseMessage? meanwhile = null;
        pause.BeforeNextCommit = async () =>
        {
            clock.Now = Second.AddSeconds(1.001);
            meanwhile = await api.CreateClient().GetSettledAsync(figures);
        };
        clock.Now = Second.AddSeconds(0.999);
        Assert.Equal(HttpStatusCode.Created, (await staff.PutJsonAsync($"{figures}/FY2024", StaffClient.Figure(2))).StatusCode);

        Assert.NotNull(meanwhile);
        Assert.DoesNotContain("FY2024", await meanwhile.Content.ReadAsStringAsync());
        Assert.Equal(Second, meanwhile.Content.Headers.LastModified);
        var mirror = api.CreateClient();
        mirror.DefaultRequestHeaders.IfModifiedSince = Second;
        var revalidation = await mirror.GetAsync(figures);
        Assert.Equal(HttpStatusCode.OK, revalidation.StatusCode);
        Assert.Contains("FY2024", await revalidation.Content.ReadAsStringAsync());
    }

    public void Dispose() => api.Dispose();

    private sealed class ClockedApiFactory : ApiFactory
    {
        public SettableClock Clock { get; } = new(Second.AddSeconds(-10));

        public CommitPause Pause { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(Clock);
                s.ConfigureDbContext<SqliteStoreContext>(o => o.AddInterceptors(Pause));
            });
        }
    }

    /// <summary>Runs a step once, just before the next commit of a write.</summary>
    private sealed class CommitPause : DbTransactionInterceptor
    {
        public Func<Task>? BeforeNextCommit { get; set; }

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (BeforeNextCommit is { } step)
            {
                BeforeNextCommit = null;
                await step();
            }
            return result;
        }
    }
}
