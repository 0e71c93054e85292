using System.Net;
using Kushiro.OpenData.Api.Tests.Kpis;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>
/// A KPI is under the themes of what it belongs to. The seed's only KPI is the plan's own target (no themes), so
/// this writes a measure KPI through the staff API and follows it through GraphQL and REST.
/// </summary>
public sealed class GraphQLKpiThemesTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Fact]
    public async Task AMeasuresKpiHasItsMeasuresThemesAndIsFoundByThem()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("fishery-landings", goalId: "1", measureId: "1-1"))).StatusCode);
        var client = api.CreateClient();

        var data = (await client.PostGraphQLAsync(
            "{ kpi(id: \"fishery-landings\") { themes { scheme code } } measure(id: \"1-1\") { themes { scheme code } } themeSchemes { concepts { scheme code } } }")).Data;
        var kpiThemes = data.GetProperty("kpi").GetProperty("themes").EnumerateArray().Select(Ref).ToList();
        Assert.Contains("sdgs:14", kpiThemes);
        Assert.Equal(data.GetProperty("measure").GetProperty("themes").EnumerateArray().Select(Ref), kpiThemes);

        // Found by each of its measure's concepts and by no other, through GraphQL and REST alike.
        foreach (var concept in data.GetProperty("themeSchemes").EnumerateArray().SelectMany(s => s.GetProperty("concepts").EnumerateArray()).Select(Ref))
        {
            var graphql = (await client.PostGraphQLAsync("query($t: [String!]) { kpis(theme: $t) { id } }", new { t = new[] { concept } })).Data
                .GetProperty("kpis").EnumerateArray().Select(k => k.Text("id")).ToList();
            var rest = (await client.GetJsonAsync($"/api/v1/kpis?limit=200&theme={Uri.EscapeDataString(concept)}")).Items().Select(k => k.Text("id")).ToList();
            Assert.Equal(kpiThemes.Contains(concept), graphql.Contains("fishery-landings"));
            Assert.Equal(rest, graphql);
        }
    }

    private static string Ref(System.Text.Json.JsonElement concept) => $"{concept.Text("scheme")}:{concept.Text("code")}";
}
