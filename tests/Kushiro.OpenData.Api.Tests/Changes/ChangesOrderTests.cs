using System.Net;
using Kushiro.OpenData.Api.Tests.Kpis;

namespace Kushiro.OpenData.Api.Tests.Changes;

/// <summary>
/// A mirror polls the changes feed with <c>after</c> (the last sequence it saw), so a change must never become visible
/// with a smaller sequence than one already visible. On PostgreSQL, writers on several instances commit concurrently.
/// </summary>
public sealed class ChangesOrderTests
{
    [PostgreSqlFact]
    public async Task AWriteWaitingForAnotherTakesItsSequenceAfterItSoPollingWithAfterMissesNothing()
    {
        using var api = new PostgreSqlApiFactory();
        try
        {
            var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
            Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("raced"))).StatusCode);

            // Another instance's write holds the store while the API's write waits; it takes the next sequence number
            // and commits first.
            await using var other = await OtherInstanceWrite.BeginAsync(api.Database);
            var write = staff.PutJsonAsync("/api/v1/kpis/raced/observations/FY2023", StaffClient.Figure(7));
            await other.UntilWritesWaitAsync(1);
            var otherSequence = await other.TakeSequenceAsync();
            await other.CommitAsync();

            Assert.Equal(HttpStatusCode.Created, (await write).StatusCode);
            // A mirror that saw the other change polls for what came after it: the write, committed later, is there.
            var entries = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?after={otherSequence}")).Items();
            Assert.Contains(entries, e => e.Text("resourceId") == "raced/observation/FY2023");
        }
        finally
        {
            PostgreSqlApiFactory.Drop(api.Database);
        }
    }

    [PostgreSqlFact]
    public async Task WritesToOneFigureAtOnceEachRecordTheValueTheOtherLeftAsBefore()
    {
        using var api = new PostgreSqlApiFactory();
        try
        {
            var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
            // Each step checked, so that a failure says which one went wrong (this test was once seen to fail, its
            // message not kept, and was not seen to fail again in about 300 runs under load).
            await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("contended")).AssertAnsweredAsync(HttpStatusCode.Created);
            await staff.PutJsonAsync("/api/v1/kpis/contended/observations/FY2023", StaffClient.Figure(5)).AssertAnsweredAsync(HttpStatusCode.Created);

            var last = await api.LastChangeSequenceAsync();

            // Two staff tools write the same figure at once while another write holds the store: both are queued.
            await using (var other = await OtherInstanceWrite.BeginAsync(api.Database))
            {
                var writes = new[] { 6m, 7m }.Select(v => staff.PutJsonAsync("/api/v1/kpis/contended/observations/FY2023", StaffClient.Figure(v))).ToList();
                await other.UntilWritesWaitAsync(2);
                await other.CommitAsync();
                foreach (var write in writes)
                {
                    await write.AssertAnsweredAsync(HttpStatusCode.OK);
                }
            }

            // Each entry's "before" is the value the other left, and the figure is the last entry's "after".
            var entries = (await api.CreateClient().GetJsonAsync($"/api/v1/changes?after={last}")).Items()
                .Where(e => e.Text("resourceId") == "contended/observation/FY2023").ToList();
            Assert.Equal(2, entries.Count);
            Assert.Equal(5m, Value(entries[0], "before"));
            Assert.Equal(Value(entries[0], "after"), Value(entries[1], "before"));
            var kpi = await api.CreateClient().GetJsonAsync("/api/v1/kpis/contended");
            Assert.Equal(Value(entries[1], "after"), kpi.GetProperty("latest").GetProperty("value").GetDecimal());
        }
        finally
        {
            PostgreSqlApiFactory.Drop(api.Database);
        }
    }

    private static decimal Value(System.Text.Json.JsonElement entry, string side) => entry.GetProperty(side).GetProperty("value").GetDecimal();
}
