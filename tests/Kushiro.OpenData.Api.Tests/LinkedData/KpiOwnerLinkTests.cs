using System.Net;
using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Tests.Kpis;

namespace Kushiro.OpenData.Api.Tests.LinkedData;

/// <summary>
/// A KPI's own JSON-LD says what it is a KPI of (<c>kpiOf</c>, kod:kpi reversed): the plan's own target had no way back
/// to the plan (a linked-data consumer's review), since kod:plan is a goal's property. It must be the same statement
/// the owner's document makes by listing the KPI, or a merged graph would give the KPI two owners.
/// </summary>
public sealed class KpiOwnerLinkTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Fact]
    public async Task EveryKpiNamesThePlanGoalOrMeasureWhoseDocumentListsIt()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("owner-goal-target", goalId: "2")).AssertAnsweredAsync(HttpStatusCode.Created);
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("owner-measure-kpi", goalId: "3", measureId: "3-1")).AssertAnsweredAsync(HttpStatusCode.Created);
        var client = api.CreateClient();

        // Who lists which KPI, read from the owners' own documents.
        var listedBy = new Dictionary<string, List<string>>();
        foreach (var owner in new[] { "/api/v1/plan", "/api/v1/goals", "/api/v1/measures?limit=200" })
        {
            var document = await client.GetJsonLdAsync(owner);
            foreach (var node in document["itemListElement"]?.AsArray().Select(i => i!.AsObject()) ?? [document])
            {
                foreach (var kpi in node["kpis"]!.AsArray())
                {
                    var id = (string)kpi!["id"]!;
                    listedBy[id] = [.. listedBy.GetValueOrDefault(id) ?? [], (string)node["id"]!];
                }
            }
        }

        var kpis = (await client.GetJsonLdAsync("/api/v1/kpis?limit=200"))["itemListElement"]!.AsArray().Select(k => k!.AsObject()).ToList();
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["http://localhost/id/kpi/population-outlook"] = "http://localhost/id/plan/kushiro-2nd-strategy",
                ["http://localhost/id/kpi/owner-goal-target"] = "http://localhost/id/goal/2",
                ["http://localhost/id/kpi/owner-measure-kpi"] = "http://localhost/id/measure/3-1",
            },
            kpis.ToDictionary(k => (string)k["id"]!, k => (string)k["kpiOf"]!));
        Assert.All(kpis, k => Assert.Equal([(string)k["kpiOf"]!], listedBy[(string)k["id"]!]));
    }
}
