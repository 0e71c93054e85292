using System.Data.Common;
using System.Net;
using System.Text.Json;
using Kushiro.OpenData.Api.Data.Providers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.LinkedData;

/// <summary>
/// The /id/ IRIs answer from the in-memory read model. Only an unknown KPI's asks the store whether it was deleted,
/// and a store that does not answer must not hold the 404 up: the note is left out after a second.
/// </summary>
public sealed class IriStoreStallTests : IDisposable
{
    private readonly StallingApiFactory api = new();

    [Fact]
    public async Task AnUnknownKpisIriIsA404WithoutWaitingForAFeedThatDoesNotAnswer()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/goals")).StatusCode); // started, read model loaded
        api.Stall.Enabled = true;

        using var response = await client.GetAsync("/id/kpi/never-a-kpi");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Nothing is named /id/kpi/never-a-kpi.", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("detail"));
        Assert.True(api.Stall.Stalled > 0, "the feed was never asked");
        // The stall lasts 30 s; the IRI gave up on the note (after a second) instead of waiting it out.
        Assert.Equal(api.Stall.Stalled, api.Stall.GivenUp);
        // Known things do not ask the store at all.
        var asked = api.Stall.Stalled;
        Assert.Equal(HttpStatusCode.SeeOther, (await api.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/id/goal/1")).StatusCode);
        Assert.Equal(asked, api.Stall.Stalled);
    }

    public void Dispose() => api.Dispose();

    private sealed class StallingApiFactory : ApiFactory
    {
        public FeedStall Stall { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.ConfigureDbContext<SqliteStoreContext>(o => o.AddInterceptors(Stall)));
        }
    }

    /// <summary>Once enabled, every read of the changes feed waits 30 s (or until it is cancelled).</summary>
    private sealed class FeedStall : DbCommandInterceptor
    {
        private int stalled, givenUp;

        public bool Enabled { get; set; }

        public int Stalled => Volatile.Read(ref stalled);

        public int GivenUp => Volatile.Read(ref givenUp);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Enabled && command.CommandText.Contains("FROM \"Changes\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref stalled);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref givenUp);
                    throw;
                }
            }
            return result;
        }
    }
}
