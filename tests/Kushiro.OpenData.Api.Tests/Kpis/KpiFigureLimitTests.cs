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
/// would make each anonymous read of the KPI larger without end; and GraphQL prices a full KPI's lists as they are,
/// and sends no answer over its cap in bytes.
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
        // Priced at 20 observations whatever a KPI held, 100 aliases of a full KPI had answered 955 MB. Priced at its
        // 1,000: 40 aliases of five fields each are over the budget (40 × 20 × 5 was not), and each KPI of a list is
        // priced at the fullest one's 1,000 (50 × 1,000 × 5 fields).
        await FullKpiAsync("priced-kpi", lastBy: "observations/FY2030");
        const string Figure = " fragment F on KpiFigure { period value note provenance origin }";
        var one = await api.CreateClient().PostGraphQLAsync("{ kpi(id: \"priced-kpi\") { observations { ...F } } }" + Figure);
        var many = await api.CreateClient().PostGraphQLAsync(Aliased("priced-kpi", "observations { ...F }", 40) + Figure);
        var list = await api.CreateClient().PostGraphQLAsync("{ kpis { observations { ...F } } }" + Figure);

        Assert.Equal(1000, one.Data.GetProperty("kpi").GetProperty("observations").GetArrayLength());
        foreach (var refused in new[] { many, list })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains(refused.ErrorMessages, m => m.Contains("complex", StringComparison.OrdinalIgnoreCase));
        }
    }

    // The price counts items, not bytes: 300 targets with notes as long as a note may be (2,000 characters), under 83
    // aliases, priced within the budget and answered 150 MB to a 3 KB request (a security review). One alias of them
    // is about 1.8 MB and still answered.
    [Fact]
    public async Task GraphQLRefusesAnAnswerOverItsCapAsARequestError()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("long-notes")).AssertAnsweredAsync(HttpStatusCode.Created);
        await StoreAsync(Enumerable.Range(1800, 299).Select(year => new KpiFigure
        {
            KpiId = "long-notes", Role = KpiFigureRole.Target, Period = year.ToString(CultureInfo.InvariantCulture),
            PeriodEnd = new DateOnly(year, 12, 31), Value = 1, Note = new string('注', 2000), SourceTitle = "テスト資料",
            Provenance = KpiProvenance.Editorial, Origin = KpiOrigin.Staff,
        }));
        await staff.PutJsonAsync("/api/v1/kpis/long-notes/targets/2099", StaffClient.Figure(5)).AssertAnsweredAsync(HttpStatusCode.Created);
        var (one, many) = await OnceAndAliasedAsync("long-notes", "targets { note }", 83);
        var legacy = await api.CreateClient().PostGraphQLAsync(Aliased("long-notes", "targets { note }", 83), accept: "application/json");

        Assert.Equal(300, one.Data.GetProperty("kpi").GetProperty("targets").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, many.Status);
        // Under application/json a request error stays a 200, as GraphQL-over-HTTP has it for legacy clients.
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        foreach (var refused in new[] { many, legacy })
        {
            Assert.False(refused.Json.TryGetProperty("data", out _));
            Assert.Equal("The answer would be larger than 16 MB, the most this endpoint sends: ask for fewer fields, items or aliases.",
                Assert.Single(refused.ErrorMessages));
        }
    }

    // A KPI with 999 daily observations stored directly (a thousand writes would take the test's time), then its
    // 1,000th figure by the API, which also brings the in-memory tree up to date.
    private async Task<HttpClient> FullKpiAsync(string id, string lastBy)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi(id)).AssertAnsweredAsync(HttpStatusCode.Created);
        await StoreAsync(Enumerable.Range(0, 999).Select(i => new DateOnly(2000, 1, 1).AddDays(i)).Select(day => new KpiFigure
        {
            KpiId = id, Role = KpiFigureRole.Observation, Period = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PeriodEnd = day, Value = 1, SourceTitle = "テスト資料", Provenance = KpiProvenance.Editorial, Origin = KpiOrigin.Staff,
        }));
        await staff.PutJsonAsync($"/api/v1/kpis/{id}/{lastBy}", StaffClient.Figure(5)).AssertAnsweredAsync(HttpStatusCode.Created);
        return staff;
    }

    /// <summary>The KPI's selection asked once, then under as many aliases in one document.</summary>
    private async Task<(GraphQLAnswer One, GraphQLAnswer Many)> OnceAndAliasedAsync(string id, string selection, int aliases)
    {
        var client = api.CreateClient();
        var one = await client.PostGraphQLAsync($"{{ kpi(id: \"{id}\") {{ {selection} }} }}");
        var many = await client.PostGraphQLAsync(Aliased(id, selection, aliases));
        return (one, many);
    }

    private static string Aliased(string id, string selection, int aliases) =>
        "{ " + string.Join(" ", Enumerable.Range(0, aliases).Select(i => $"a{i}: kpi(id: \"{id}\") {{ {selection} }}")) + " }";

    // Straight into the store (hundreds of writes would take the test's time); the API's next write brings the
    // in-memory tree up to date.
    private async Task StoreAsync(IEnumerable<KpiFigure> figures)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDataContext>();
        db.KpiFigures.AddRange(figures);
        await db.SaveChangesAsync();
    }
}
