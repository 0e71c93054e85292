using System.Globalization;
using System.Net;
using System.Text.Json;
using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Kpis;
using Microsoft.Extensions.DependencyInjection;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>
/// Staff KPIs and figures hold at most Kpis:MaxStaffCharacters in all (their texts' characters, and 100 for each
/// row): anonymous answers carry them, and without a bound a key holder's tool made those answers gigabytes.
/// </summary>
public sealed class StaffDataLimitTests
{
    // What the README's counting gives for the KPI and figures below: 100 for the row, then every text, in characters
    // (𠮷 is one, though two UTF-16 units and four bytes).
    private const int KpiSize = 100 + 5 + 10 + 1 + 5 + 8;   // テスト指標, テストのための指標。, 件, 国勢調査𠮷, 00200521
    private const int FigureSize = 100 + 4 + 5 + 21 + 3;    // 2030, テスト資料, https://example.org/a, p.𠮷
    private const int Limit = 1_000;

    [Fact]
    public async Task AWriteThatWouldPassTheLimitIsRefusedAndChangesNothing()
    {
        using var api = new ApiFactory();
        await FillAndPassAsync(api);
    }

    [PostgreSqlFact]
    public async Task PostgreSqlCountsAsSqliteDoes()
    {
        using var api = new PostgreSqlApiFactory();
        try
        {
            await FillAndPassAsync(api);
        }
        finally
        {
            PostgreSqlApiFactory.Drop(api.Database);
        }
    }

    [Fact]
    public async Task AtTheLimitAShorterTextAndARemovalAreStillTaken()
    {
        using var api = new ApiFactory();
        var staff = await FilledAsync(api, "full");

        var longer = await staff.PutJsonAsync("/api/v1/kpis/full/targets/2030", NoteOf(Limit - KpiSize - FigureSize + 1));
        var shorter = await staff.PutJsonAsync("/api/v1/kpis/full/targets/2030", NoteOf(10));
        var filledAgain = await staff.PutJsonAsync("/api/v1/kpis/full/targets/2030", NoteOf(Limit - KpiSize - FigureSize));
        var removed = await staff.DeleteAsync("/api/v1/kpis/full");
        var anotherKpi = await staff.PostJsonAsync("/api/v1/kpis", FullKpi("after-removal"));

        Assert.Equal(HttpStatusCode.Conflict, longer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shorter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, filledAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, anotherKpi.StatusCode);
    }

    // The total is kept between writes, as of the store's stamp: another instance's removal moves the stamp, so the
    // next write here counts again instead of refusing by a total that is no longer true.
    [Fact]
    public async Task ARemovalThroughAnotherInstanceMakesRoomHere()
    {
        using var here = new ApiFactory();
        var staffHere = await FilledAsync(here, "shared");
        await staffHere.PostJsonAsync("/api/v1/kpis", FullKpi("refused-first")).AssertAnsweredAsync(HttpStatusCode.Conflict);
        using var there = new ApiFactory(databasePath: here.DatabasePath);
        there.Settings["Kpis:MaxStaffCharacters"] = Limit.ToString(CultureInfo.InvariantCulture);
        var staffThere = there.WithKey(await StaffClient.CreateKeyWithCommandAsync(there));

        await staffThere.DeleteAsync("/api/v1/kpis/shared").AssertAnsweredAsync(HttpStatusCode.NoContent);
        var afterRemoval = await staffHere.PostJsonAsync("/api/v1/kpis", FullKpi("taken-after"));

        Assert.Equal(HttpStatusCode.Created, afterRemoval.StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    public void ALimitOutOfRangeStopsTheStart(string value) => ApiFactory.AssertStartRefused("Kpis:MaxStaffCharacters", value);

    [Fact]
    public async Task TheDefaultLeavesRoomForAThousandLongNotedFigures()
    {
        // 1,000 figures (the most a KPI holds) with notes of 2,000 characters (the longest): far more than a city's
        // KPI holds. 999 go straight into the store (a thousand writes would take the test's time), the last one by
        // the API, which counts them all.
        using var api = new ApiFactory();
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("roomy")).AssertAnsweredAsync(HttpStatusCode.Created);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenDataContext>();
            db.KpiFigures.AddRange(Enumerable.Range(0, 999).Select(i => new DateOnly(2000, 1, 1).AddDays(i)).Select(day => new KpiFigure
            {
                KpiId = "roomy", Role = KpiFigureRole.Target, Period = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                PeriodEnd = day, Value = 1, Note = new string('注', 2000), SourceTitle = "テスト資料",
                Provenance = KpiProvenance.Editorial, Origin = KpiOrigin.Staff,
            }));
            await db.SaveChangesAsync();
        }

        var last = await staff.PutJsonAsync("/api/v1/kpis/roomy/targets/2030", NoteOf(2_000));

        Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        Assert.Equal(1000, (await api.CreateClient().GetJsonAsync("/api/v1/kpis/roomy")).GetProperty("targets").GetArrayLength());
    }

    // The KPI and a figure fill the limit exactly, counting 𠮷 (two UTF-16 units, four bytes) as one character, as the
    // write path's length rules do; one more figure is refused, and the store, the feed and the answers stay as they were.
    private static async Task FillAndPassAsync(ApiFactory api)
    {
        var staff = await FilledAsync(api, "filled");
        var reader = api.CreateClient();
        var before = await reader.GetAsync("/api/v1/kpis/filled");
        var lastChange = await api.LastChangeSequenceAsync();

        var refused = await staff.PutJsonAsync("/api/v1/kpis/filled/observations/2031", NoteOf(0));
        var anotherKpi = await staff.PostJsonAsync("/api/v1/kpis", FullKpi("one-too-many"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            $"Staff KPIs and figures hold 1,000 characters of the 1,000 they may hold in all, and this write would add {FigureSize}; remove figures or KPIs no longer needed, or ask the operator to raise Kpis:MaxStaffCharacters.",
            JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, anotherKpi.StatusCode);
        var after = await reader.GetAsync("/api/v1/kpis/filled");
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(await before.Content.ReadAsStringAsync(), await after.Content.ReadAsStringAsync());
        Assert.Equal(lastChange, await api.LastChangeSequenceAsync());
        await reader.GetJsonAsync("/api/v1/kpis/one-too-many", HttpStatusCode.NotFound);
    }

    /// <summary>The API with the small limit, filled to it exactly by one KPI and its 2030 target; a write key's client.</summary>
    private static async Task<HttpClient> FilledAsync(ApiFactory api, string id)
    {
        api.Settings["Kpis:MaxStaffCharacters"] = Limit.ToString(CultureInfo.InvariantCulture);
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", FullKpi(id)).AssertAnsweredAsync(HttpStatusCode.Created);
        await staff.PutJsonAsync($"/api/v1/kpis/{id}/targets/2030", NoteOf(Limit - KpiSize - FigureSize)).AssertAnsweredAsync(HttpStatusCode.Created);
        return staff;
    }

    // Every text a figure has, set; a note of that many characters (none for 0).
    private static object NoteOf(int characters) => new
    {
        value = 1, note = characters == 0 ? null : string.Concat(Enumerable.Repeat("𠮷", characters)),
        source = new { title = "テスト資料", url = "https://example.org/a", page = "p.𠮷" }, provenance = "editorial",
    };

    // Every text a KPI has, set.
    private static object FullKpi(string id) => new
    {
        id, goalId = (string?)null, measureId = (string?)null, name = "テスト指標", definition = "テストのための指標。", unit = "件",
        direction = "increase", statistics = new { name = "国勢調査𠮷", governmentStatisticsCode = "00200521" },
    };
}
