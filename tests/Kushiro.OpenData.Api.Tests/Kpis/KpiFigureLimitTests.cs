using System.Globalization;
using System.Net;
using System.Text.Json;
using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Kpis;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>
/// A KPI holds at most 1,000 figures: every read of it carries them all, so a staff tool adding figures without end
/// would make each anonymous read of the KPI larger without end.
/// </summary>
public sealed class KpiFigureLimitTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Fact]
    public async Task AFigurePastTheLimitIsRefusedAndChangesNothingWhileAReplacementIsTaken()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("full-kpi"))).StatusCode);
        // 999 daily observations stored directly (a thousand writes would take the test's time), then the last by the API.
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenDataContext>();
            db.KpiFigures.AddRange(Enumerable.Range(0, 999).Select(i => new DateOnly(2000, 1, 1).AddDays(i)).Select(day => new KpiFigure
            {
                KpiId = "full-kpi", Role = KpiFigureRole.Observation, Period = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                PeriodEnd = day, Value = 1, SourceTitle = "テスト資料", Provenance = KpiProvenance.Editorial, Origin = KpiOrigin.Staff,
            }));
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Created, (await staff.PutJsonAsync("/api/v1/kpis/full-kpi/targets/2040", StaffClient.Figure(5))).StatusCode);

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
}
