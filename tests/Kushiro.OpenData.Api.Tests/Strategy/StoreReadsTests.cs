using System.Data.Common;
using System.Net;
using Kushiro.OpenData.Api.Tests.GraphQL;
using Kushiro.OpenData.Api.Tests.Kpis;
using Kushiro.OpenData.Api.Data.Providers;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.Strategy;

/// <summary>
/// GraphQL and REST's strategy resources resolve from an in-memory read model: the whole tree costs a fixed handful of
/// store reads when the data changed, and none otherwise, never one per goal, measure or sub-measure; and what the
/// read model serves goes on while the store does not answer (Kpis/StoreUnavailableTests.cs).
/// </summary>
public sealed class StoreReadsTests : IDisposable
{
    private readonly CountingApiFactory api = new();

    [Fact]
    public async Task TheWholeTreeCostsAFixedNumberOfStoreReadsAndThenNone()
    {
        var client = api.CreateClient();
        const string wholeTree = "{ plan { goals { id measures { id goal { id } subMeasures { id measure { id } goal { id } relistingOf { id } relistedAs { id } } } } } }";
        const string oneGoal = "{ goal(id: \"4\") { id } }";
        // The tree is loaded at start: once that load is over, a write makes it stale.
        await api.Services.GetRequiredService<StrategyReadModel>().Preloaded;
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("read-count", goalId: "4"))).StatusCode);

        api.Commands.Reset();
        var tree = (await client.PostGraphQLAsync(wholeTree)).Data;
        var firstReads = api.Commands.Count;

        var nodes = tree.GetProperty("plan").GetProperty("goals").EnumerateArray()
            .Sum(g => 1 + g.GetProperty("measures").EnumerateArray().Sum(m => 1 + m.GetProperty("subMeasures").GetArrayLength()));
        Assert.Equal(68, nodes);
        // Store state, plan, goals, measures, sub-measures, KPIs with figures, the feed's dates by resource type: a
        // fixed handful, not one per node.
        Assert.InRange(firstReads, 1, 7);

        api.Commands.Reset();
        (await client.PostGraphQLAsync(wholeTree)).Data.ToString();
        (await client.PostGraphQLAsync(oneGoal)).Data.ToString();
        Assert.Equal(0, api.Commands.Count);
    }

    [Fact]
    public async Task RestReadsOfTheStrategyCostNoStoreReadOnceTheTreeIsLoaded()
    {
        var client = api.CreateClient();
        await api.Services.GetRequiredService<StrategyReadModel>().Preloaded;
        // Answers are dated once the second of the seed's import is over and the store's date has been read again
        // after it (Data/DatasetVersion.cs): that one read is the dating's, not the answers', so it is let happen first.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            using var probe = await client.GetAsync("/api/v1/goals");
            if (probe.Content.Headers.LastModified is not null)
            {
                break;
            }
            await Task.Delay(100);
        }

        api.Commands.Reset();
        // Answers not in the output cache yet: each is made afresh from the read model.
        foreach (var url in new[]
        {
            "/api/v1/plan", "/api/v1/plan/source-document", "/api/v1/goals?limit=3", "/api/v1/goals/2", "/api/v1/measures?goal=3",
            "/api/v1/measures/1-1", "/api/v1/sub-measures?goal=4&relisted=true", "/api/v1/sub-measures/4-2-2",
            "/api/v1/themes/sdgs/14/sub-measures", "/api/v1/export/csv/measures.csv", "/api/v1/export/csv.zip",
        })
        {
            using var answer = await client.GetAsync(url);
            Assert.Equal((url, HttpStatusCode.OK), (url, answer.StatusCode));
            Assert.Null(answer.Headers.Age);
        }
        Assert.Equal(0, api.Commands.Count);
    }

    public void Dispose() => api.Dispose();

    private sealed class CountingApiFactory : ApiFactory
    {
        public CommandCounter Commands { get; } = new();

        public CountingApiFactory()
        {
            // No background refresh reading the store while the test counts.
            Settings["Store:RefreshSeconds"] = "3600";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.ConfigureDbContext<SqliteStoreContext>(o => o.AddInterceptors(Commands)));
        }
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Reset() => Interlocked.Exchange(ref count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref count);
            return base.ReaderExecuting(command, eventData, result);
        }
    }
}
