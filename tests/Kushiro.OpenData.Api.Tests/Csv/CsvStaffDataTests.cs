using System.Net;
using Kushiro.OpenData.Api.Tests.Kpis;

namespace Kushiro.OpenData.Api.Tests.Csv;

/// <summary>Staff-entered texts and numbers that CSV must quote or keep exact, written through the API.</summary>
public sealed class CsvStaffDataTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Fact]
    public async Task CommasQuotesAndDecimalsEnteredByStaffComeBackFromTheCsvUnchanged()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var kpi = new
        {
            id = "csv-quoting", goalId = "2", measureId = "2-1", name = "来訪者数, \"道東\"の主要施設", definition = "主要施設の来訪者数（延べ）, 年度。",
            unit = "千人", direction = "increase",
        };
        var created = await staff.PostJsonAsync("/api/v1/kpis", kpi);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var figure = new
        {
            value = 1234567.25m, note = "速報値, 確定後に \"更新\" する。", provenance = "official",
            source = new { title = "観光入込客数調査, 令和5年度", url = "https://www.city.kushiro.lg.jp/", page = "p. 3, 表1" },
        };
        var put = await staff.PutJsonAsync("/api/v1/kpis/csv-quoting/observations/FY2023", figure);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var client = api.CreateClient();
        var definitions = await client.GetCsvAsync("/api/v1/kpis?measure=2-1");
        var definition = Assert.Single(definitions.Rows, r => r["ID"] == "csv-quoting");
        Assert.Equal((kpi.name, kpi.definition, "2", "2-1", "staff"), (definition["名称"], definition["定義"], definition["基本目標ID"], definition["施策ID"], definition["登録元"]));

        var observations = await client.GetCsvAsync("/api/v1/kpis/csv-quoting/observations");
        var row = Assert.Single(observations.Rows);
        Assert.Equal(("csv-quoting/observation/FY2023", kpi.name, "FY2023", "1234567.25", "千人"), (row["ID"], row["指標名"], row["期間"], row["値"], row["単位"]));
        Assert.Equal((figure.note, figure.source.title, figure.source.url, figure.source.page), (row["注記"], row["出典"], row["出典URL"], row["出典ページ"]));
        // Quoted as RFC 4180 says: the whole field in quotes, inner quotes doubled.
        Assert.Contains("\"来訪者数, \"\"道東\"\"の主要施設\"", observations.Text, StringComparison.Ordinal);
    }
}
