using System.Globalization;
using System.Net;
using System.Text.Json;
using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Kpis;
using Kushiro.OpenData.Api.Tests.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>
/// A KPI holds at most 1,000 figures: every read of it carries them all, so a staff tool adding figures without end
/// would make each anonymous read of the KPI larger without end; and GraphQL prices a full KPI's lists as they are.
/// </summary>
public sealed class KpiFigureLimitTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Fact]
    public async Task AFigurePastTheLimitIsRefusedAndChangesNothingWhileAReplacementIsTaken()
    {
        var staff = await FullKpiAsync("full-kpi", lastBy: "targets/2040");

        var refused = await staff.PutJsonAsync("/api/v1/kpis/full-kpi/observations/FY2030", StaffClient.Figure(7));
        var replaced = await staff.PutJsonAsync("/api/v1/kpis/full-kpi/targets/2040", StaffClient.Figure(6));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.Text("detail");
        Assert.Equal("KPI \"full-kpi\" holds 1,000 figures, the most one KPI may hold; remove one before adding another.", detail);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var kpi = await api.CreateClient().GetJsonAsync("/api/v1/kpis/full-kpi");
        Assert.Equal(999, kpi.GetProperty("observationCount").GetInt32());
        Assert.Equal(6m, kpi.GetProperty("targets")[0].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task GraphQLPricesAFullKpisObservationsAsTheyAre()
    {
        // Priced at 20 observations whatever a KPI held, 100 aliases of a full KPI had answered 955 MB.
        await FullKpiAsync("priced-kpi", lastBy: "observations/FY2030");
        var client = api.CreateClient();
        var twenty = "{ " + string.Join(" ", Enumerable.Range(0, 20).Select(i => $"a{i}: kpi(id: \"priced-kpi\") {{ observations {{ period value note }} }}")) + " }";

        var one = await client.PostGraphQLAsync("""{ kpi(id: "priced-kpi") { observations { period value note } } }""");
        var many = await client.PostGraphQLAsync(twenty);

        Assert.Equal(1000, one.Data.GetProperty("kpi").GetProperty("observations").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, many.Status);
        Assert.Contains(many.ErrorMessages, m => m.Contains("complex", StringComparison.OrdinalIgnoreCase));
    }

    // A KPI with 999 daily observations stored directly (a thousand writes would take the test's time), then its
    // 1,000th figure by the API, which also brings the in-memory tree up to date.
    private async Task<HttpClient> FullKpiAsync(string id, string lastBy)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi(id)).AssertAnsweredAsync(HttpStatusCode.Created);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenDataContext>();
            db.KpiFigures.AddRange(Enumerable.Range(0, 999).Select(i => new DateOnly(2000, 1, 1).AddDays(i)).Select(day => new KpiFigure
            {
                KpiId = id, Role = KpiFigureRole.Observation, Period = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                PeriodEnd = day, Value = 1, SourceTitle = "テスト資料", Provenance = KpiProvenance.Editorial, Origin = KpiOrigin.Staff,
            }));
            await db.SaveChangesAsync();
        }
        await staff.PutJsonAsync($"/api/v1/kpis/{id}/{lastBy}", StaffClient.Figure(5)).AssertAnsweredAsync(HttpStatusCode.Created);
        return staff;
    }
}
