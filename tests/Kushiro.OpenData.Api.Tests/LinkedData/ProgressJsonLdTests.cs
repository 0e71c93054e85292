using System.Net;
using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Tests.Kpis;

namespace Kushiro.OpenData.Api.Tests.LinkedData;

/// <summary>
/// A progress node keeps its IRI while a new observation changes its values; it names the observation they rest on, so
/// a store that holds two harvests can tell the statements apart (a linked-data review).
/// </summary>
public sealed class ProgressJsonLdTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Fact]
    public async Task AProgressNodeNamesTheObservationItComparesWith()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("progress-basis"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await staff.PutJsonAsync("/api/v1/kpis/progress-basis/targets/FY2030", StaffClient.Figure(10))).StatusCode);
        Assert.Null((await ProgressAsync())["comparedWith"]);

        foreach (var period in new[] { "FY2023", "FY2024" })
        {
            Assert.Equal(HttpStatusCode.Created, (await staff.PutJsonAsync($"/api/v1/kpis/progress-basis/observations/{period}", StaffClient.Figure(5))).StatusCode);
            var progress = await ProgressAsync();
            Assert.EndsWith("/id/kpi/progress-basis#progress/FY2030", (string?)progress["id"]);
            Assert.EndsWith($"/id/kpi/progress-basis/observation/{period}", (string?)progress["comparedWith"]);
        }
    }

    private async Task<JsonNode> ProgressAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/kpis/progress-basis");
        request.Headers.Accept.ParseAdd("application/ld+json");
        using var response = await api.CreateClient().SendAsync(request);
        return Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["progress"]!.AsArray())!;
    }
}
