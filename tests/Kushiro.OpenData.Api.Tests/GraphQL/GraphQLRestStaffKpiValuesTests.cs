using System.Net;
using Kushiro.OpenData.Api.Tests.Kpis;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>
/// KPIs that staff wrote give the same values in REST and GraphQL: on their own, and within their measure, goal and
/// plan. REST's single KPI is read from the store and GraphQL's from the in-memory tree, and the seed's one KPI leaves
/// most of a KPI null (no baseline, no measure, no statistics page), so these hold the rest.
/// </summary>
public sealed class GraphQLRestStaffKpiValuesTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Fact]
    public async Task KpisWithEveryKindOfFigureHaveTheSameValuesInRestAndGraphQL()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await WriteAsync(staff, "/api/v1/kpis", StaffClient.NewKpi("values-measure", goalId: "2", measureId: "2-1"), post: true);
        await WriteAsync(staff, "/api/v1/kpis", StaffClient.NewKpi("values-goal", goalId: "3", direction: "decrease"), post: true);
        await WriteAsync(staff, "/api/v1/kpis/values-measure/baseline/FY2019", new
        {
            value = 12.5m, note = "基準値の注記", source = new { title = "釧路市の資料", url = "https://www.city.kushiro.lg.jp/", page = "p. 12" }, provenance = "official",
        });
        await WriteAsync(staff, "/api/v1/kpis/values-measure/targets/FY2026", Figure(20, page: "表3"));
        await WriteAsync(staff, "/api/v1/kpis/values-measure/targets/FY2030", StaffClient.Figure(30));
        await WriteAsync(staff, "/api/v1/kpis/values-measure/observations/FY2020", StaffClient.Figure(13.25m));
        await WriteAsync(staff, "/api/v1/kpis/values-measure/observations/FY2023", Figure(15, page: "第2章"));
        // Reaches the first target in its period: met and final, where every other progress is neither.
        await WriteAsync(staff, "/api/v1/kpis/values-measure/observations/FY2026", StaffClient.Figure(21));
        await WriteAsync(staff, "/api/v1/kpis/values-goal/targets/2030", StaffClient.Figure(3));
        await WriteAsync(staff, "/api/v1/kpis/values-goal/observations/2024", StaffClient.Figure(4));

        var client = api.CreateClient();
        var schema = await GraphQLSchemaTypes.ReadAsync(client);
        await schema.AssertSameRecordAsync(client, "/api/v1/kpis/values-measure", "kpi", "values-measure", "Kpi");
        await schema.AssertSameRecordAsync(client, "/api/v1/kpis/values-goal", "kpi", "values-goal", "Kpi");
        await schema.AssertSameRecordAsync(client, "/api/v1/measures/2-1", "measure", "2-1", "Measure");
        await schema.AssertSameRecordAsync(client, "/api/v1/goals/3", "goal", "3", "Goal");
        await schema.AssertSameRecordAsync(client, "/api/v1/plan", "plan", id: null, "Plan");
        await schema.AssertSameObservationsAsync(client, "values-measure");
        await schema.AssertSameObservationsAsync(client, "values-goal");
        var progress = (await client.GetJsonAsync("/api/v1/kpis/values-measure")).GetProperty("progress").EnumerateArray().ToList();
        Assert.Contains(progress, p => p.GetProperty("final").GetBoolean()); // so final is compared as true too
    }

    private static object Figure(decimal value, string page) => new
    {
        value, source = new { title = "釧路市の資料", url = "https://www.city.kushiro.lg.jp/", page }, provenance = "official",
    };

    private static Task WriteAsync(HttpClient staff, string url, object body, bool post = false) =>
        (post ? staff.PostJsonAsync(url, body) : staff.PutJsonAsync(url, body)).AssertAnsweredAsync(HttpStatusCode.Created, HttpStatusCode.OK);
}
