using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Tests.LinkedData;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>
/// A figure is read at the URL a PUT sets it at. The 201 of a new figure names no Location because the figure is the
/// request's own URL, yet a GET there was a 405 (an app developer's review): an app that wrote a figure could not read
/// it back where it wrote it.
/// </summary>
public sealed class KpiFigureReadTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Fact]
    public async Task AFigureIsReadWhereItWasPutAsTheKpiGivesItAndFollowsItsChanges()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("read-back")).AssertAnsweredAsync(HttpStatusCode.Created);
        const string url = "/api/v1/kpis/read-back/targets/FY2030";
        await staff.PutJsonAsync(url, StaffClient.Figure(12.5m)).AssertAnsweredAsync(HttpStatusCode.Created);
        var client = api.CreateClient();

        using var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var figure = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        var kpi = JsonNode.Parse(await client.GetStringAsync("/api/v1/kpis/read-back"))!;
        Assert.True(JsonNode.DeepEquals(kpi["targets"]!.AsArray().Single(), figure), $"{figure.ToJsonString()} is not the KPI's target");
        Assert.Equal(12.5m, (decimal)figure["value"]!);

        // Replaced: the same URL gives the new figure, under a new validator.
        await staff.PutJsonAsync(url, StaffClient.Figure(20m)).AssertAnsweredAsync(HttpStatusCode.OK);
        using var second = await client.GetAsync(url);
        Assert.Equal(20m, (decimal)JsonNode.Parse(await second.Content.ReadAsStringAsync())!["value"]!);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);

        // Removed: a 404 naming the figure as the changes feed does.
        (await staff.DeleteAsync(url)).Dispose();
        using var gone = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("\"read-back/target/FY2030\"", (await gone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/kpis/population-outlook/targets/2041", "There is no figure with ID \"population-outlook/target/2041\".")]
    [InlineData("/api/v1/kpis/population-outlook/baseline/2040", "There is no figure with ID \"population-outlook/baseline/2040\".")]
    [InlineData("/api/v1/kpis/population-outlook/TARGETS/2040", "A KPI has no \"TARGETS\": its figures are baseline, targets and observations, written in lower case.")]
    [InlineData("/api/v1/kpis/no-such-kpi/targets/2040", "There is no KPI with ID \"no-such-kpi\".")]
    // A period no figure can have: a PUT there is a 400 naming it, and the 404 says why (a mirror's review).
    [InlineData("/api/v1/kpis/population-outlook/targets/2040x", "There is no figure with ID \"population-outlook/target/2040x\": \"2040x\" is not a period: use " + Kushiro.OpenData.Api.Kpis.KpiPeriod.Description + ".")]
    public async Task AFigureThatIsNotThereIsA404SayingWhichPartIsMissing(string url, string detail)
    {
        using var response = await api.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    // As JSON-LD, the figure is the node its /id/ IRI names, of its role's type: the observations list had been the
    // only place a figure was served alone, and it called every figure an observation.
    [Theory]
    [InlineData("targets", "2040", "target", "Target")]
    [InlineData("observations", "2010-10-01", "observation", "Observation")]
    [InlineData("baseline", "FY2019", "baseline", "Baseline")]
    public async Task AsJsonLdAFigureIsTheNodeItsIriNamesWithItsRolesType(string role, string period, string inIri, string type)
    {
        // The seed's KPI has targets and observations; a baseline is staff data.
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("ld-roles")).AssertAnsweredAsync(HttpStatusCode.Created, HttpStatusCode.Conflict);
        await staff.PutJsonAsync("/api/v1/kpis/ld-roles/baseline/FY2019", StaffClient.Figure(3)).AssertAnsweredAsync(HttpStatusCode.Created, HttpStatusCode.OK);
        var kpi = role == "baseline" ? "ld-roles" : "population-outlook";
        var client = api.CreateClient();

        var figure = await client.GetJsonLdAsync($"/api/v1/kpis/{kpi}/{role}/{period}");
        var fromKpi = JsonLdNodes.Of(await client.GetJsonLdAsync($"/api/v1/kpis/{kpi}"))
            .Single(n => (string?)n["id"] == $"http://localhost/id/kpi/{kpi}/{inIri}/{period}");

        Assert.Equal($"http://localhost/id/kpi/{kpi}/{inIri}/{period}", (string?)figure["id"]);
        Assert.Equal([type, "数量型"], figure["type"]!.AsArray().Select(t => (string)t!));
        Assert.Equal((string?)fromKpi["数値"], (string?)figure["数値"]);
    }
}
