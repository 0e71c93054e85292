using System.Net;
using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Tests.Kpis;

namespace Kushiro.OpenData.Api.Tests.LinkedData;

/// <summary>A figure's /id/ IRI, followed as a linked-data client follows it, leads to a document that describes it.</summary>
public sealed class FigureIriTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Fact]
    public async Task AnObservationPastTheFirstPageOfItsKpisObservationsIsDescribedWhereItsIriLeads()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("many-observations"))).StatusCode);
        // More than a page of the observations list holds (50 by default), oldest first: the newest falls past it.
        for (var year = 1960; year <= 2020; year++)
        {
            Assert.Equal(HttpStatusCode.Created, (await staff.PutJsonAsync($"/api/v1/kpis/many-observations/observations/FY{year}", StaffClient.Figure(year))).StatusCode);
        }

        foreach (var period in new[] { "FY1960", "FY2020" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/id/kpi/many-observations/observation/{period}");
            request.Headers.Accept.ParseAdd("application/ld+json");
            using var response = await api.CreateClient().SendAsync(request); // follows the 303
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var described = JsonLdNodes.Of(document).Where(n => n["id"] is JsonValue id && ((string?)id)!.EndsWith($"/id/kpi/many-observations/observation/{period}", StringComparison.Ordinal));
            // Described, not only named: its value is there.
            Assert.Contains(described, n => n["数値"] is not null);
        }
    }
}
