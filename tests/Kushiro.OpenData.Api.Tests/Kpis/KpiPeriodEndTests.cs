using System.Net;
using Kushiro.OpenData.Api.Tests.Csv;
using Kushiro.OpenData.Api.Tests.GraphQL;
using Kushiro.OpenData.Api.Tests.LinkedData;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>
/// A figure's period is kept as its source writes it, so one series can mix a year, a fiscal year and a day (the seed's
/// census series has 1980 and 2010-10-01). Every form gives the period's last day, which the figures are ordered by:
/// JSON-LD had it, while REST, GraphQL and the CSV files gave a researcher only text that does not sort.
/// </summary>
public sealed class KpiPeriodEndTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    // Each form of period with the last day its definition gives: a calendar year ends on 31 December, a fiscal year
    // (年度) on the next 31 March, a date is its own day; so FY2024 comes after a day in February 2025.
    private static readonly (string Period, string End)[] Observations =
        [("2024", "2024-12-31"), ("2025-02-10", "2025-02-10"), ("FY2024", "2025-03-31")];

    [Fact]
    public async Task EveryFormGivesEachFigureThePeriodsLastDayInTheOrderTheFiguresComeIn()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("period-ends")).AssertAnsweredAsync(HttpStatusCode.Created);
        // Written out of order, so that the order served is the last days', not the writes'.
        foreach (var (period, _) in Observations.Reverse())
        {
            await staff.PutJsonAsync($"/api/v1/kpis/period-ends/observations/{period}", StaffClient.Figure(1)).AssertAnsweredAsync(HttpStatusCode.Created);
        }
        await staff.PutJsonAsync("/api/v1/kpis/period-ends/targets/FY2030", StaffClient.Figure(2)).AssertAnsweredAsync(HttpStatusCode.Created);
        var client = api.CreateClient();

        // REST: the list, one figure, and the KPI's target.
        var listed = (await client.GetJsonAsync("/api/v1/kpis/period-ends/observations")).Items()
            .Select(f => (f.Text("period"), f.Text("periodEnd"))).ToList();
        Assert.Equal(Observations, listed);
        Assert.Equal("2025-03-31", (await client.GetJsonAsync("/api/v1/kpis/period-ends/observations/FY2024")).Text("periodEnd"));
        Assert.Equal("2031-03-31", (await client.GetJsonAsync("/api/v1/kpis/period-ends")).GetProperty("targets")[0].Text("periodEnd"));

        // CSV: the observations page and the whole-store file, in the column after the v1 columns.
        var page = await client.GetCsvAsync("/api/v1/kpis/period-ends/observations");
        Assert.Equal("期間の末日", page.Header[^1]);
        Assert.Equal(Observations, page.Rows.Select(r => (r["期間"], r["期間の末日"])));
        var export = await client.GetCsvAsync("/api/v1/export/csv/kpi-figures.csv");
        Assert.Equal(
            [.. Observations, ("FY2030", "2031-03-31")],
            export.Rows.Where(r => r["指標ID"] == "period-ends").Select(r => (r["期間"], r["期間の末日"])).OrderBy(r => r.Item1 == "FY2030"));

        // GraphQL, typed as a day.
        var graph = (await client.PostGraphQLAsync("{ kpi(id: \"period-ends\") { observations { period periodEnd } } }")).Data;
        Assert.Equal(Observations, graph.GetProperty("kpi").GetProperty("observations").EnumerateArray().Select(f => (f.Text("period"), f.Text("periodEnd"))));

        // Progress names both ends it compares for final: the target's, and the latest observation's (FY2024's, the
        // last to end, though 2025-02-10 sorts after it as text).
        var progress = (await client.GetJsonAsync("/api/v1/kpis/period-ends")).GetProperty("progress")[0];
        Assert.Equal(("2031-03-31", "FY2024", "2025-03-31"), (progress.Text("targetPeriodEnd"), progress.Text("latestPeriod"), progress.Text("latestPeriodEnd")));
        var graphProgress = (await client.PostGraphQLAsync("{ kpi(id: \"period-ends\") { progress { targetPeriodEnd latestPeriodEnd } } }")).Data
            .GetProperty("kpi").GetProperty("progress")[0];
        Assert.Equal(("2031-03-31", "2025-03-31"), (graphProgress.Text("targetPeriodEnd"), graphProgress.Text("latestPeriodEnd")));

        // JSON-LD, which had it, agrees.
        var node = await client.GetJsonLdAsync("/api/v1/kpis/period-ends/observations/FY2024");
        Assert.Equal("2025-03-31", (string?)node["periodEnd"]);
    }

    [Fact]
    public async Task BeforeTheFirstObservationProgressHasATargetEndAndNoLatestEnd()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("period-ends-none")).AssertAnsweredAsync(HttpStatusCode.Created);
        await staff.PutJsonAsync("/api/v1/kpis/period-ends-none/targets/2030", StaffClient.Figure(2)).AssertAnsweredAsync(HttpStatusCode.Created);

        var progress = (await api.CreateClient().GetJsonAsync("/api/v1/kpis/period-ends-none")).GetProperty("progress")[0];

        Assert.Equal("2030-12-31", progress.Text("targetPeriodEnd"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, progress.GetProperty("latestPeriodEnd").ValueKind);
    }

    [Fact]
    public async Task TheSeededCensusSeriesSortsByItsLastDaysWhereItsPeriodsAsWrittenDoNot()
    {
        var rows = (await api.CreateClient().GetCsvAsync("/api/v1/kpis/population-outlook/observations?limit=200")).Rows;

        var ends = rows.Select(r => DateOnly.ParseExact(r["期間の末日"], "yyyy-MM-dd")).ToList();
        Assert.Equal(ends.Order(), ends);
        // Each last day is in the year its period names (a fiscal year's in the next): the column restates the period.
        Assert.All(rows, r => Assert.Equal(
            int.Parse(r["期間"].Replace("FY", "")[..4]) + (r["期間"].StartsWith("FY", StringComparison.Ordinal) ? 1 : 0),
            DateOnly.ParseExact(r["期間の末日"], "yyyy-MM-dd").Year));
        // The mix that makes the column worth having: a bare year and a full date in one series.
        Assert.Contains(rows, r => r["期間"].Length == 4);
        Assert.Contains(rows, r => r["期間"].Length == 10);
    }
}
