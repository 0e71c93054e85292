using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.Tests.Csv;

/// <summary>What every list holds as CSV (Accept: text/csv), checked against the JSON of the same URL and against RFC 4180.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class CsvListTests(SharedApiFactory api)
{
    private static readonly string[] LeadingColumns = ["全国地方公共団体コード", "ID", "地方公共団体名"];

    private readonly HttpClient client = api.CreateClient();

    public static TheoryData<string> Lists =>
    [
        "/api/v1/goals", "/api/v1/measures", "/api/v1/measures?goal=2", "/api/v1/sub-measures", "/api/v1/sub-measures?goal=3&measure=3-4",
        "/api/v1/kpis", "/api/v1/kpis/population-outlook/observations", "/api/v1/changes", "/api/v1/search?q=医療",
    ];

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task EveryListAnswersCsvInUtf8WithABomAndAHeaderLine(string url)
    {
        var csv = await client.GetCsvAsync(url);
        var contentType = csv.Response.Content.Headers.ContentType!;
        Assert.Equal("utf-8", contentType.CharSet);
        Assert.Contains(contentType.Parameters, p => p.Name == "header" && p.Value == "present");
        Assert.Equal(LeadingColumns, csv.Header.Take(3));
        Assert.Equal(csv.Header.Count, csv.Header.Distinct().Count());
        Assert.DoesNotContain("\uFEFF", csv.Text, StringComparison.Ordinal); // one BOM, at the start, not also in the text
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task EveryListHasOneRowPerItemWithTheIdsOfTheJsonInOrder(string url)
    {
        var all = Paged(url, "limit=200");
        var json = await client.GetJsonAsync(all);
        var csv = await client.GetCsvAsync(all);

        Assert.Equal(json.GetProperty("total").GetInt32(), csv.Rows.Count);
        Assert.Equal(json.Items().Select(item => ExpectedId(url, item)), csv.Rows.Select(r => r["ID"]));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task EveryRowStartsWithThePlansMunicipalityCodeKeptAsText(string url)
    {
        var municipality = (await client.GetJsonAsync("/api/v1/plan")).GetProperty("municipality");
        var csv = await client.GetCsvAsync(Paged(url, "limit=200"));

        Assert.NotEmpty(csv.Rows);
        Assert.All(csv.Rows, r => Assert.Equal(municipality.Text("localGovernmentCode"), r["全国地方公共団体コード"]));
        Assert.All(csv.Rows, r => Assert.Equal(municipality.Text("name"), r["地方公共団体名"]));
        // Written as text, so the leading zero is there for any reader that does not guess types.
        Assert.Contains("\r\n012068,", csv.Text);
    }

    [Fact]
    public async Task AnEmptyListIsItsHeaderLineAlone()
    {
        // The seed has no KPIs of goal 1 yet.
        Assert.Equal(0, (await client.GetJsonAsync("/api/v1/kpis?goal=1")).GetProperty("total").GetInt32());
        var csv = await client.GetCsvAsync("/api/v1/kpis?goal=1");
        Assert.Equal(LeadingColumns, csv.Header.Take(3));
        Assert.Empty(csv.Rows);
    }

    [Fact]
    public async Task SubMeasureColumnsHoldTheJsonTextsExactly()
    {
        var json = (await client.GetJsonAsync("/api/v1/sub-measures?limit=200")).Items().ToList();
        var csv = await client.GetCsvAsync("/api/v1/sub-measures?limit=200");

        Assert.Equal(
            ["全国地方公共団体コード", "ID", "地方公共団体名", "基本目標ID", "施策ID", "記号", "順序", "名称", "説明", "再掲元ID", "抽出時の名称", "抽出時の説明", "名称（英語）", "説明（英語）", "英語の出自"],
            csv.Header);
        Assert.Equal(
            json.Select(s => (s.Text("goalId"), s.Text("measureId"), s.Text("marker"), s.GetProperty("order").GetInt32().ToString(CultureInfo.InvariantCulture),
                s.Text("title"), s.Text("description"), s.NullableText("relistingOf") ?? "", s.NullableText("titleAsExtracted") ?? "", s.NullableText("descriptionAsExtracted") ?? "")),
            csv.Rows.Select(r => (r["基本目標ID"], r["施策ID"], r["記号"], r["順序"], r["名称"], r["説明"], r["再掲元ID"], r["抽出時の名称"], r["抽出時の説明"])));
        Assert.Equal("3-4-1", csv.Rows.Single(r => r["ID"] == "4-2-2")["再掲元ID"]);
    }

    // The English columns are this project's translation, which JSON says in en.provenance: a CSV passed on alone
    // had not said it (found by the data fidelity audit).
    [Theory]
    [InlineData("/api/v1/goals")]
    [InlineData("/api/v1/measures")]
    [InlineData("/api/v1/sub-measures")]
    public async Task EnglishColumnsSayWhoseTheyAreOnEachRowAsJsonDoes(string list)
    {
        var json = (await client.GetJsonAsync($"{list}?limit=200&lang=en")).Items().ToList();
        var csv = await client.GetCsvAsync($"{list}?limit=200");

        Assert.Equal("英語の出自", csv.Header[^1]);
        // Every label in seed/english-labels.json is this project's translation (seed/README.md), and JSON says the same.
        Assert.All(csv.Rows, r => Assert.Equal("editorial", r["英語の出自"]));
        Assert.Equal(
            json.Select(i => (i.Text("id"), i.GetProperty("en").Text("title"), i.GetProperty("en").Text("provenance"))),
            csv.Rows.Select(r => (r["ID"], r["名称（英語）"], r["英語の出自"])));
    }

    // A scheme's note says whose the list and its English names are ("本プロジェクトが独自に定めた…（editorial）"): the
    // CSV had dropped it, and with it the provenance of the code lists.
    [Fact]
    public async Task ThemeSchemeRowsCarryTheirNoteAndWhoseTheirConceptsEnglishNamesAre()
    {
        var json = (await client.GetJsonAsync("/api/v1/themes")).Items().ToList();
        var csv = await client.GetCsvAsync("/api/v1/themes");

        // Columns added after v1's first ones come last, so a reader by position keeps working.
        Assert.Equal(["注記", "概念の名称（英語）の出自"], csv.Header[^2..]);
        Assert.Equal(json.Select(s => (s.Text("id"), s.Text("note"), s.Text("labelEnProvenance"))),
            csv.Rows.Select(r => (r["ID"], r["注記"], r["概念の名称（英語）の出自"])));
        Assert.All(csv.Rows, r => Assert.NotEmpty(r["注記"]));
    }

    [Fact]
    public async Task KpiListIsOneRowPerKpiWithItsDefinitionAndNoFigures()
    {
        var json = (await client.GetJsonAsync("/api/v1/kpis?limit=200")).Items().ToList();
        var csv = await client.GetCsvAsync("/api/v1/kpis?limit=200");

        Assert.Equal(
            ["全国地方公共団体コード", "ID", "地方公共団体名", "階層", "区分", "基本目標ID", "施策ID", "名称", "定義", "単位", "方向", "統計名", "政府統計コード", "登録元"],
            csv.Header);
        var outlook = csv.Rows.Single(r => r["ID"] == "population-outlook");
        var expected = json.Single(k => k.Text("id") == "population-outlook");
        Assert.Equal(expected.Text("name"), outlook["名称"]);
        Assert.Equal(expected.Text("unit"), outlook["単位"]);
        // The e-Stat code keeps its leading zeros: 00200521, not 200521.
        Assert.Equal(expected.GetProperty("statistics").Text("governmentStatisticsCode"), outlook["政府統計コード"]);
        Assert.StartsWith("00", outlook["政府統計コード"]);
    }

    [Fact]
    public async Task ObservationsAreLongFormatOneRowPerFigureWithPlainNumbersAndTheUnitApart()
    {
        var kpi = await client.GetJsonAsync("/api/v1/kpis/population-outlook");
        var json = (await client.GetJsonAsync("/api/v1/kpis/population-outlook/observations?limit=200")).Items().ToList();
        var csv = await client.GetCsvAsync("/api/v1/kpis/population-outlook/observations?limit=200");

        Assert.Equal(
            ["全国地方公共団体コード", "ID", "地方公共団体名", "指標ID", "指標名", "種別", "期間", "値", "単位", "注記", "出典", "出典URL", "出典ページ", "出自", "登録元", "期間の末日"],
            csv.Header);
        Assert.Equal(json.Count, csv.Rows.Count);
        foreach (var (figure, row) in json.Zip(csv.Rows))
        {
            Assert.Equal(("population-outlook", kpi.Text("name"), "observation"), (row["指標ID"], row["指標名"], row["種別"]));
            Assert.Equal(figure.Text("period"), row["期間"]);
            // The number exactly as JSON writes it: digits only, no separators, no unit.
            Assert.Equal(figure.GetProperty("value").GetRawText(), row["値"]);
            Assert.Matches("^-?[0-9]+(\\.[0-9]+)?$", row["値"]);
            Assert.Equal(kpi.Text("unit"), row["単位"]);
            var source = figure.GetProperty("source");
            Assert.Equal((figure.NullableText("note") ?? "", source.Text("title"), source.NullableText("url") ?? "", source.NullableText("page") ?? ""),
                (row["注記"], row["出典"], row["出典URL"], row["出典ページ"]));
            Assert.Equal((figure.Text("provenance"), figure.Text("origin")), (row["出自"], row["登録元"]));
            Assert.Equal(figure.Text("periodEnd"), row["期間の末日"]);
        }
        Assert.Equal(json.Select(f => f.Text("period")), csv.Rows.Select(r => r["期間"]));
    }

    [Fact]
    public async Task ChangedFieldsWithCommasAndQuotesComeBackFromTheCsvAsTheJsonHasThem()
    {
        var json = (await client.GetJsonAsync("/api/v1/changes?limit=200")).Items().ToList();
        var csv = await client.GetCsvAsync("/api/v1/changes?limit=200");

        Assert.Equal(["全国地方公共団体コード", "ID", "地方公共団体名", "日時", "実行者", "操作", "対象種別", "対象ID", "変更前", "変更後"], csv.Header);
        Assert.Contains(csv.Rows, r => r["変更後"].Contains(',') && r["変更後"].Contains('"'));
        foreach (var (change, row) in json.Zip(csv.Rows))
        {
            Assert.Equal((change.Text("time"), change.Text("actor"), change.Text("action"), change.Text("resourceType"), change.Text("resourceId")),
                (row["日時"], row["実行者"], row["操作"], row["対象種別"], row["対象ID"]));
            Assert.True(SameJson(change.GetProperty("before"), row["変更前"]), $"変更前 of change {row["ID"]}: {row["変更前"]}");
            Assert.True(SameJson(change.GetProperty("after"), row["変更後"]), $"変更後 of change {row["ID"]}: {row["変更後"]}");
        }
    }

    // A researcher takes a search's results to a spreadsheet: ranked as in the JSON, each with its kind, ID, score, the
    // field and snippet that matched (HTML, as in the JSON), and its English where it has one (a KPI has none).
    [Theory]
    [InlineData("子育て")]
    [InlineData("人口")]
    public async Task SearchResultColumnsHoldTheJsonValuesInRankOrder(string q)
    {
        var json = (await client.GetJsonAsync($"/api/v1/search?limit=200&lang=en&q={q}")).Items().ToList();
        var csv = await client.GetCsvAsync($"/api/v1/search?limit=200&q={q}");

        Assert.Equal(["全国地方公共団体コード", "ID", "地方公共団体名", "種別", "対象ID", "名称", "スコア", "一致した項目", "抜粋", "名称（英語）", "英語の出自"], csv.Header);
        Assert.Equal(
            json.Select(r => (r.Text("type"), r.Text("id"), r.Text("title"), r.GetProperty("score").GetRawText(), r.Text("field"), r.Text("snippet"))),
            csv.Rows.Select(r => (r["種別"], r["対象ID"], r["名称"], r["スコア"], r["一致した項目"], r["抜粋"])));
        Assert.Equal(
            json.Select(r => r.TryGetProperty("en", out var en) ? (en.Text("title"), en.Text("provenance")) : ("", "")),
            csv.Rows.Select(r => (r["名称（英語）"], r["英語の出自"])));
        Assert.Contains(csv.Rows, r => r["抜粋"].Contains("<mark>", StringComparison.Ordinal));
    }

    private static string Paged(string url, string paging) => url + (url.Contains('?') ? "&" : "?") + paging;

    // The stable ID of a row: the item's ID; for a figure the changes feed's {kpi}/{role}/{period}; for a change its
    // sequence; for a search result its kind and ID.
    private static string ExpectedId(string url, JsonElement item)
    {
        if (url.EndsWith("/observations", StringComparison.Ordinal))
        {
            return $"{url.Split('/')[^2]}/observation/{item.Text("period")}";
        }
        if (url.StartsWith("/api/v1/search", StringComparison.Ordinal))
        {
            return $"{item.Text("type")}/{item.Text("id")}";
        }
        return url.StartsWith("/api/v1/changes", StringComparison.Ordinal)
            ? item.GetProperty("sequence").GetInt64().ToString(CultureInfo.InvariantCulture)
            : item.Text("id");
    }

    private static bool SameJson(JsonElement expected, string cell) =>
        expected.ValueKind == JsonValueKind.Null ? cell.Length == 0 : JsonNode.DeepEquals(JsonNode.Parse(expected.GetRawText()), JsonNode.Parse(cell));
}
