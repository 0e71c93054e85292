using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>A write that cannot get its turn in time is told to retry, and leaves nothing behind.</summary>
public sealed class StoreBusyTests
{
    [Fact]
    public async Task AWriteThatWaitsTooLongForTheStoreIsA503WithRetryAfterAndChangesNothing()
    {
        using var api = new ApiFactory();
        // SQLite gives up waiting for its write lock after one second here (30 by default).
        api.Settings["ConnectionStrings:Store"] = $"Data Source={api.DatabasePath};Default Timeout=1";
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("busy"))).StatusCode);

        // Another write holds SQLite's one write lock (BEGIN IMMEDIATE) for longer than that.
        await using var other = new SqliteConnection($"Data Source={api.DatabasePath}");
        await other.OpenAsync();
        using (other.BeginTransaction())
        {
            var response = await staff.PutJsonAsync("/api/v1/kpis/busy/observations/FY2023", StaffClient.Figure(1));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains("nothing of this request was saved", problem.Text("detail"), StringComparison.Ordinal);
            Assert.Equal("Service Unavailable", problem.Text("title"));
        }

        var kpi = await api.CreateClient().GetJsonAsync("/api/v1/kpis/busy");
        Assert.Equal(0, kpi.GetProperty("observationCount").GetInt32());
        var retry = await staff.PutJsonAsync("/api/v1/kpis/busy/observations/FY2023", StaffClient.Figure(1));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
    }

    [PostgreSqlFact]
    public async Task OnPostgreSqlAWriteGivesUpAfterTenSecondsWithA503AndChangesNothing()
    {
        using var api = new PostgreSqlApiFactory();
        try
        {
            var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
            Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("busy"))).StatusCode);

            // Another instance's write holds the store for longer than the API's write may wait.
            await using (await OtherInstanceWrite.BeginAsync(api.Database))
            {
                var response = await staff.PutJsonAsync("/api/v1/kpis/busy/observations/FY2023", StaffClient.Figure(1));
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
            }

            var kpi = await api.CreateClient().GetJsonAsync("/api/v1/kpis/busy");
            Assert.Equal(0, kpi.GetProperty("observationCount").GetInt32());
        }
        finally
        {
            PostgreSqlApiFactory.Drop(api.Database);
        }
    }
}
