using System.Net;
using System.Net.Http.Headers;
using Kushiro.OpenData.Api.Tests.Kpis;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// Two instances on one store, behind a load balancer: a KPI created on one, then read on the other before that one's
/// periodic refresh (here an hour away). The item came from the store, the lists and JSON-LD from the read model,
/// all under the old Last-Modified, and the JSON-LD was a 500.
/// </summary>
public sealed class SharedStoreCatchUpTests : IDisposable
{
    private readonly ApiFactory writer = new();
    private readonly ApiFactory reader;

    public SharedStoreCatchUpTests()
    {
        reader = new ApiFactory(databasePath: writer.DatabasePath) { Settings = { ["Store:RefreshSeconds"] = "3600" } };
    }

    [Fact]
    public async Task AnItemMetOnTheStoreBringsTheWholeInstanceUpToDateAndIsNotDatedAsTheOldData()
    {
        var client = reader.CreateClient();
        // A date is sent once the second the data is dated in is over (a write is dated the second after it).
        DateTimeOffset? oldDate = null;
        for (var wait = 0; oldDate is null && wait < 50; wait++)
        {
            await Task.Delay(100);
            oldDate = (await client.GetAsync("/api/v1/kpis?limit=200")).Content.Headers.LastModified;
        }
        Assert.NotNull(oldDate);
        var staff = writer.WithKey(await StaffClient.CreateKeyWithCommandAsync(writer));
        Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("shared-new"))).StatusCode);

        using var asJsonLd = new HttpRequestMessage(HttpMethod.Get, "/api/v1/kpis/shared-new") { Headers = { Accept = { new("application/ld+json") } } };
        var item = await client.SendAsync(asJsonLd);
        Assert.Equal(HttpStatusCode.OK, item.StatusCode);
        Assert.Contains("shared-new", await item.Content.ReadAsStringAsync());
        // Not dated as the data before the write, which it is newer than.
        Assert.NotEqual(oldDate, item.Content.Headers.LastModified);
        // The lists, which the read model serves, follow at once.
        Assert.Contains("\"shared-new\"", await client.GetStringAsync("/api/v1/kpis?limit=200"));
        Assert.Contains("\"shared-new\"", await client.GetStringAsync("/graphql?query=%7Bkpis%7Bid%7D%7D"));
        // And a client that checks its pages against the list's date is told the data changed.
        using var paging = new HttpRequestMessage(HttpMethod.Get, "/api/v1/kpis/shared-new");
        paging.Headers.IfUnmodifiedSince = oldDate;
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(paging)).StatusCode);
    }

    public void Dispose()
    {
        reader.Dispose();
        writer.Dispose();
    }
}
