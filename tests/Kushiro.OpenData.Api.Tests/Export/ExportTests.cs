using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Tests.Csv;

namespace Kushiro.OpenData.Api.Tests.Export;

/// <summary>The bulk export holds everything the paged API holds, and revalidates like any GET.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class ExportTests(SharedApiFactory api)
{
    // The KPI dataset's rights had said every figure came from published sources, while the seed's census figures
    // are editorial (copied from a page that quotes them): a portal and the ZIP's README.txt showed the claim.
    // A browser app saves a download under the name Content-Disposition gives; the contract had not declared it (a
    // mirror's review), so a generated client did not expose it.
    [Theory]
    [InlineData("/api/v1/export/jsonld", "exportJsonLd", "kushiro-opendata.jsonld")]
    [InlineData("/api/v1/export/csv/goals.csv", "exportCsv", "kushiro-goals.csv")]
    [InlineData("/api/v1/export/csv.zip", "exportCsvArchive", "kushiro-opendata-csv.zip")]
    public async Task EachDownloadNamesItsFileAsTheContractDeclares(string url, string operationId, string fileName)
    {
        var client = api.CreateClient();
        using var response = await client.GetAsync(url);
        var operation = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject()).Single(o => (string?)o.Value!["operationId"] == operationId).Value!;

        Assert.Equal(("attachment", fileName), (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileName?.Trim('"')));
        Assert.Equal($"attachment; filename=\"{fileName}\"", (string?)operation["responses"]!["200"]!["headers"]!["Content-Disposition"]!["example"]);
    }

    [Fact]
    public async Task TheKpiDatasetsRightsDoNotCallEditorialFiguresPublishedOnes()
    {
        var client = api.CreateClient();
        var figures = await client.GetCsvAsync("/api/v1/export/csv/kpi-figures.csv");
        var rights = (await client.GetJsonAsync("/api/v1/catalog")).GetProperty("datasets").EnumerateArray().Single(d => d.Text("id") == "kpis").Text("rights");
        using var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync("/api/v1/export/csv.zip")));
        using var readme = new StreamReader(zip.GetEntry("README.txt")!.Open());

        Assert.Contains(figures.Rows, r => r["出自"] == "editorial");
        Assert.DoesNotContain("出典ごとの公表資料による", rights, StringComparison.Ordinal);
        Assert.Contains("editorial のものはそれ以外の資料による", rights, StringComparison.Ordinal);
        Assert.Contains(rights, await readme.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJsonLdExportHoldsEveryNodeTheApiServes()
    {
        var client = api.CreateClient();
        var graph = JsonNode.Parse(await client.GetStringAsync("/api/v1/export/jsonld"))!["@graph"]!.AsArray();
        var ids = graph.Select(n => (string?)n!["id"]).OfType<string>().ToHashSet();

        foreach (var (list, kind) in new[] { ("goals", "goal"), ("measures", "measure"), ("sub-measures", "sub-measure") })
        {
            foreach (var item in (await client.GetJsonAsync($"/api/v1/{list}?limit=200")).Items())
            {
                Assert.Contains($"http://localhost/id/{kind}/{item.Text("id")}", ids);
            }
        }
        var text = graph.ToJsonString();
        foreach (var kpi in (await client.GetJsonAsync("/api/v1/kpis?limit=200")).Items())
        {
            Assert.Contains($"\"http://localhost/id/kpi/{kpi.Text("id")}\"", text);
        }
        Assert.Contains("http://localhost/id/catalog", ids);
    }

    public static TheoryData<string, string> CsvFiles => new()
    {
        { "goals", "/api/v1/goals?limit=200" },
        { "measures", "/api/v1/measures?limit=200" },
        { "sub-measures", "/api/v1/sub-measures?limit=200" },
        { "kpis", "/api/v1/kpis?limit=200" },
        { "concept-schemes", "/api/v1/themes?limit=200" }, // the code lists, with whose their names are (注記)
    };

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public async Task EachCsvFileHasOneRowPerItemOfItsList(string name, string list)
    {
        var client = api.CreateClient();
        var rows = Records(await client.GetByteArrayAsync($"/api/v1/export/csv/{name}.csv"));
        var json = await client.GetJsonAsync(list);

        Assert.Equal(["全国地方公共団体コード", "ID", "地方公共団体名"], rows[0].Take(3));
        Assert.Equal(json.Items().Select(i => i.Text("id")), rows.Skip(1).Select(r => r[1]));
    }

    [Fact]
    public async Task TheThemeFilesHoldEveryConceptAndEveryMapping()
    {
        var client = api.CreateClient();
        var concepts = Records(await client.GetByteArrayAsync("/api/v1/export/csv/concepts.csv"));
        var mappings = Records(await client.GetByteArrayAsync("/api/v1/export/csv/sub-measure-themes.csv"));
        var expectedConcepts = 0;
        foreach (var scheme in (await client.GetJsonAsync("/api/v1/themes")).Items())
        {
            expectedConcepts += scheme.GetProperty("conceptCount").GetInt32();
        }
        var seed = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.SeedDirectory, "sub-measure-themes.json"))).RootElement;
        Assert.Equal(expectedConcepts, concepts.Count - 1);
        Assert.Equal(seed.GetArrayLength(), mappings.Count - 1);
        Assert.Contains(concepts, r => r[1] == "national:cross-2"); // a concept no goal is aligned to is still listed
    }

    [Fact]
    public async Task EachSubMeasureThemeRowCarriesItsConceptsNotationAndLabelAsTheConceptsFileHasThem()
    {
        // A researcher reading sub-measure-themes.csv alone sees "SDG 14" and its name, without a join to concepts.csv.
        var client = api.CreateClient();
        var concepts = await client.GetCsvAsync("/api/v1/export/csv/concepts.csv");
        var mappings = await client.GetCsvAsync("/api/v1/export/csv/sub-measure-themes.csv");
        var byKey = concepts.Rows.ToDictionary(r => (r["コードリスト"], r["コード"]), r => (r["記号"], r["名称"]));
        // Added after v1's first columns: those keep their places.
        Assert.Equal(["全国地方公共団体コード", "ID", "地方公共団体名", "細節ID", "コードリスト", "コード", "名称", "出自", "理由", "表記"], mappings.Header);
        Assert.NotEmpty(mappings.Rows);
        Assert.All(mappings.Rows, r => Assert.Equal(byKey[(r["コードリスト"], r["コード"])], (r["表記"], r["名称"])));
    }

    [Fact]
    public async Task TheFiguresFileHasEveryBaselineTargetAndObservationOfEveryKpi()
    {
        var client = api.CreateClient();
        var expected = 0;
        foreach (var kpi in (await client.GetJsonAsync("/api/v1/kpis?limit=200")).Items())
        {
            expected += (kpi.GetProperty("baseline").ValueKind == System.Text.Json.JsonValueKind.Null ? 0 : 1)
                + kpi.GetProperty("targets").GetArrayLength() + kpi.GetProperty("observationCount").GetInt32();
        }
        var rows = Records(await client.GetByteArrayAsync("/api/v1/export/csv/kpi-figures.csv"));
        Assert.Equal(expected, rows.Count - 1);
        Assert.Contains(rows, r => r.Contains("138000") && r.Contains("target") && r.Contains("2040"));
    }

    [Fact]
    public async Task TheZipHoldsEveryCsvFileByteForByte()
    {
        var client = api.CreateClient();
        using var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync("/api/v1/export/csv.zip")));
        Assert.Equal(["README.txt", "alignments.csv", "concept-schemes.csv", "concepts.csv", "goals.csv", "kpi-figures.csv", "kpis.csv", "measures.csv", "sub-measure-themes.csv", "sub-measures.csv"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.Ordinal)))
        {
            using var content = new MemoryStream();
            await entry.Open().CopyToAsync(content);
            Assert.Equal(await client.GetByteArrayAsync($"/api/v1/export/csv/{entry.FullName}"), content.ToArray());
        }
    }

    [Fact]
    public async Task TheZipsEntriesAreDatedOnThePublishersClock()
    {
        // An entry's time has no zone; unzip tools show it as local time. Written in UTC, it showed Japanese users
        // the data's date nine hours early.
        // Dated by the data's version, the catalog's modified, as README.txt names it.
        var client = api.CreateClient();
        var modified = (await client.GetJsonAsync("/api/v1/catalog")).GetProperty("modified").GetDateTimeOffset();
        using var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync("/api/v1/export/csv.zip")));
        // ZIP times have a two-second resolution, and whole seconds.
        var japan = modified.ToOffset(TimeSpan.FromHours(9)).DateTime;
        Assert.All(zip.Entries, e => Assert.InRange(e.LastWriteTime.DateTime, japan.AddSeconds(-2), japan));
    }

    [Fact]
    public async Task TheZipsReadmeGivesTheSourceAndEachFilesLicenceAsTheCatalogDoes()
    {
        // PDL1.0 asks whoever passes the data on to name its source; a CSV taken out of the ZIP had nothing that did,
        // nor said that the code lists are CC BY 4.0 while the city's text is PDL1.0.
        var client = api.CreateClient();
        using var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync("/api/v1/export/csv.zip")));
        using var bytes = new MemoryStream();
        await zip.GetEntry("README.txt")!.Open().CopyToAsync(bytes);
        // A byte order mark, as the CSV files have: without one, tools on Japanese Windows read it as Shift_JIS.
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.ToArray()[..3]);
        var readme = Encoding.UTF8.GetString(bytes.ToArray()[3..]);
        var plan = await client.GetJsonAsync("/api/v1/plan");
        var source = plan.GetProperty("sourceDocument");
        Assert.Contains($"出典：{source.Text("publisher")}「{source.Text("title")}」", readme);
        // A copy passed on alone says which version of the data it is, and of which source document.
        var catalog = await client.GetJsonAsync("/api/v1/catalog");
        Assert.Contains($"\r\nデータの版：{catalog.Text("modified")}（カタログの modified）\r\n", readme);
        Assert.Contains($"\r\n原典のSHA-256：{source.Text("sha256")}\r\n", readme);
        Assert.DoesNotContain("\n", readme.Replace("\r\n", ""));
        var sections = readme.Split("■ ").Skip(1).ToList();
        foreach (var dataset in catalog.GetProperty("datasets").EnumerateArray())
        {
            var section = Assert.Single(sections, s => s.StartsWith(dataset.Text("title") + "\r\n", StringComparison.Ordinal));
            var licence = dataset.GetProperty("licence");
            Assert.Contains($"ライセンス：{licence.Text("name")} {licence.Text("url")}", section);
            foreach (var file in dataset.GetProperty("distributions").EnumerateArray().Select(d => d.Text("url")).Where(u => u.StartsWith("/api/v1/export/csv/", StringComparison.Ordinal)))
            {
                Assert.Contains(file["/api/v1/export/csv/".Length..], section.Split("\r\n")[1]);
            }
        }
        // Every CSV in the ZIP is named under exactly one dataset.
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.Ordinal)))
        {
            Assert.Single(sections, s => s.Split("\r\n")[1].Split('：', '、').Contains(entry.FullName));
        }
    }

    [Theory]
    [InlineData("/api/v1/export/jsonld")]
    [InlineData("/api/v1/export/csv.zip")]
    [InlineData("/api/v1/export/csv/sub-measures.csv")]
    public async Task AMirrorRevalidatesTheExportByETag(string url)
    {
        var client = api.CreateClient();
        using var first = await client.GetSettledAsync(url); // an answer from the data's last second is not kept
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, (await client.GetAsync(url)).Headers.ETag); // same data, same bytes
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task EveryDistributionInTheCatalogAnswersInItsMediaType()
    {
        var client = api.CreateClient();
        var catalog = await client.GetJsonAsync("/api/v1/catalog");
        Assert.True(catalog.GetProperty("csv").GetProperty("byteOrderMark").GetBoolean());
        foreach (var distribution in catalog.GetProperty("datasets").EnumerateArray().SelectMany(d => d.GetProperty("distributions").EnumerateArray()))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, distribution.Text("url"));
            request.Headers.Accept.ParseAdd(distribution.Text("mediaType"));
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{distribution.Text("url")}: {(int)response.StatusCode}");
            Assert.Equal(distribution.Text("mediaType"), response.Content.Headers.ContentType?.MediaType);
            // Text says its charset, as every other answer does; the whole JSON-LD export had none (a researcher's review).
            Assert.Equal(distribution.Text("mediaType") == "application/zip" ? null : "utf-8", response.Content.Headers.ContentType?.CharSet);
        }
    }

    [Fact]
    public async Task AnUnknownFileIsA404NamingTheKnownOnes()
    {
        using var response = await api.CreateClient().GetAsync("/api/v1/export/csv/everything.csv");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        // Named as the parameter is: a generated client's exportCsv("everything").
        Assert.StartsWith("There is no CSV file with name \"everything\" (known: goals, ", detail);
        Assert.Contains(", kpi-figures, ", detail);
        Assert.EndsWith("each is at /api/v1/export/csv/{name}.csv.", detail);
    }

    /// <summary>The file's records, read by the tests' own RFC 4180 reader after its byte order mark.</summary>
    private static List<List<string>> Records(byte[] bytes)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        return Csv.Rfc4180.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }
}
