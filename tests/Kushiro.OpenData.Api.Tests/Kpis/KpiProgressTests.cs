using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>Latest values and progress, computed here by hand from the figures the test itself entered.</summary>
public sealed class KpiProgressTests : IClassFixture<WritableApiFactory>
{
    private readonly WritableApiFactory api;

    public KpiProgressTests(WritableApiFactory api) => this.api = api;

    [Fact]
    public async Task ProgressOfAnIncreasingKpiRunsFromBaselineToTarget()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("rising", goalId: "1"));
        await staff.PutJsonAsync("/api/v1/kpis/rising/baseline/FY2019", StaffClient.Figure(10));
        await staff.PutJsonAsync("/api/v1/kpis/rising/targets/FY2024", StaffClient.Figure(20));
        await staff.PutJsonAsync("/api/v1/kpis/rising/observations/FY2022", StaffClient.Figure(16));
        await staff.PutJsonAsync("/api/v1/kpis/rising/observations/FY2021", StaffClient.Figure(14)); // entered late, older period

        var kpi = await api.CreateClient().GetJsonAsync("/api/v1/kpis/rising");
        Assert.Equal("FY2022", kpi.GetProperty("latest").Text("period"));
        var progress = kpi.GetProperty("progress")[0];
        Assert.Equal(16 - 20, progress.GetProperty("difference").GetDecimal());
        Assert.Equal((16m - 10) / (20 - 10), progress.GetProperty("ratio").GetDecimal());
        Assert.False(progress.GetProperty("met").GetBoolean());
        Assert.False(progress.GetProperty("final").GetBoolean());

        await staff.PutJsonAsync("/api/v1/kpis/rising/observations/FY2024", StaffClient.Figure(21));
        progress = (await api.CreateClient().GetJsonAsync("/api/v1/kpis/rising")).GetProperty("progress")[0];
        Assert.Equal((21m - 10) / (20 - 10), progress.GetProperty("ratio").GetDecimal());
        Assert.True(progress.GetProperty("met").GetBoolean());
        Assert.True(progress.GetProperty("final").GetBoolean());
        Assert.Equal(["FY2021", "FY2022", "FY2024"],
            (await api.CreateClient().GetJsonAsync("/api/v1/kpis/rising/observations")).Items().Select(o => o.Text("period")));
    }

    [Fact]
    public async Task ADecreasingKpiMeetsItsTargetFromAbove()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("falling", direction: "decrease"));
        await staff.PutJsonAsync("/api/v1/kpis/falling/baseline/2019", StaffClient.Figure(100));
        await staff.PutJsonAsync("/api/v1/kpis/falling/targets/2025", StaffClient.Figure(80));
        await staff.PutJsonAsync("/api/v1/kpis/falling/observations/2023-03-31", StaffClient.Figure(90));

        var progress = (await api.CreateClient().GetJsonAsync("/api/v1/kpis/falling")).GetProperty("progress")[0];
        Assert.Equal((90m - 100) / (80 - 100), progress.GetProperty("ratio").GetDecimal());
        Assert.False(progress.GetProperty("met").GetBoolean());

        await staff.PutJsonAsync("/api/v1/kpis/falling/observations/2024-03-31", StaffClient.Figure(79.5m));
        progress = (await api.CreateClient().GetJsonAsync("/api/v1/kpis/falling")).GetProperty("progress")[0];
        Assert.True(progress.GetProperty("met").GetBoolean());
        Assert.Equal(79.5m, progress.GetProperty("latestValue").GetDecimal());
    }

    [Fact]
    public async Task TheSeededPopulationOutlookShowsItsCitedFiguresWithSources()
    {
        // Expected figures from seed/kpis.json itself, read as plain JSON.
        var seed = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.SeedDirectory, "kpis.json"))).RootElement
            .EnumerateArray().Single(k => k.Text("id") == "population-outlook");
        var kpi = await api.CreateClient().GetJsonAsync("/api/v1/plan");
        var outlook = kpi.GetProperty("kpis").EnumerateArray().Single(k => k.Text("id") == "population-outlook");

        Assert.Equal(
            seed.GetProperty("targets").EnumerateArray().Select(t => (t.Text("period"), t.GetProperty("value").GetDecimal())),
            outlook.GetProperty("targets").EnumerateArray().Select(t => (t.Text("period"), t.GetProperty("value").GetDecimal())));
        var newest = seed.GetProperty("observations").EnumerateArray().MaxBy(o => o.Text("period"))!;
        Assert.Equal(newest.GetProperty("value").GetDecimal(), outlook.GetProperty("latest").GetProperty("value").GetDecimal());
        Assert.All(outlook.GetProperty("targets").EnumerateArray(), t =>
        {
            Assert.Equal("official", t.Text("provenance"));
            Assert.StartsWith("https://www.city.kushiro.lg.jp/", t.GetProperty("source").Text("url"));
        });
        // The latest census figure is above both targets, but long before their years: met, not final.
        Assert.All(outlook.GetProperty("progress").EnumerateArray(), p => Assert.False(p.GetProperty("final").GetBoolean()));
    }

    [Fact]
    public async Task NoRatioWhenTheTargetLiesTheWrongWayFromTheBaseline()
    {
        // An "increase" KPI whose target is below its baseline: a fall toward it is not progress.
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("wrong-way"));
        await staff.PutJsonAsync("/api/v1/kpis/wrong-way/baseline/2015", StaffClient.Figure(174742));
        await staff.PutJsonAsync("/api/v1/kpis/wrong-way/targets/2040", StaffClient.Figure(138000));
        await staff.PutJsonAsync("/api/v1/kpis/wrong-way/observations/2020", StaffClient.Figure(165077));

        var progress = (await api.CreateClient().GetJsonAsync("/api/v1/kpis/wrong-way")).GetProperty("progress")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, progress.GetProperty("ratio").ValueKind);
    }
}
