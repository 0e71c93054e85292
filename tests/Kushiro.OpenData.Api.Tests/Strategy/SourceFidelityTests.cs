using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kushiro.OpenData.Api.Tests.Strategy;

/// <summary>Everything the API serves of the strategy is the source document's text, item by item.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class SourceFidelityTests(SharedApiFactory api)
{
    private readonly HttpClient client = api.CreateClient();
    private readonly SourceDocument source = SourceDocument.Load();

    [Fact]
    public void SourceDocumentHoldsTheStructureTheBriefDescribes()
    {
        // Guards the test's own parser: if it misread the document, every comparison below would be hollow.
        Assert.Equal((4, 17, 47), (source.Goals.Count, source.Measures.Count, source.SubMeasures.Count));
    }

    [Fact]
    public async Task GoalsAreTheDocumentsBasicGoalsWithTheirTitles()
    {
        var page = await client.GetJsonAsync("/api/v1/goals");
        Assert.Equal(source.Goals.Count, page.GetProperty("total").GetInt32());
        Assert.Equal(
            source.Goals.Select(g => (g.Id, g.Id, g.Title)),
            page.Items().Select(g => (g.Text("id"), g.Text("marker"), g.Text("title"))));
    }

    [Fact]
    public async Task MeasuresAreTheDocumentsMeasuresWithMarkersAndTitles()
    {
        var page = await client.GetJsonAsync("/api/v1/measures?limit=200");
        Assert.Equal(
            source.Measures.Select(m => (m.Id, m.Id.Split('-')[0], m.Marker, m.Title)),
            page.Items().Select(m => (m.Text("id"), m.Text("goalId"), m.Text("marker"), m.Text("title"))));
    }

    [Fact]
    public async Task AllFortySevenSubMeasuresComeInOneResponseWithTheirTextsAsInTheSource()
    {
        var page = await client.GetJsonAsync("/api/v1/sub-measures?limit=200");
        var served = page.Items().ToList();
        Assert.Equal(47, page.GetProperty("total").GetInt32());
        Assert.Equal(source.SubMeasures.Select(s => s.Id), served.Select(s => s.Text("id")));
        foreach (var (expected, item) in source.SubMeasures.Zip(served))
        {
            Assert.Equal(expected.Marker, item.Text("marker"));
            Assert.Equal(expected.Title, item.Text("title"));
            Assert.Equal(expected.Id[..expected.Id.LastIndexOf('-')], item.Text("measureId"));
            AssertSameTextOrRepairedExtraction(expected.Description, item.Text("description"), item.NullableText("descriptionAsExtracted"));
        }
    }

    [Fact]
    public async Task TheOnlyRepairedTextIsTheStraySpaceInJinzaiIkusei()
    {
        var page = await client.GetJsonAsync("/api/v1/sub-measures?limit=200");
        var repaired = page.Items().Where(s => s.NullableText("descriptionAsExtracted") is not null || s.NullableText("titleAsExtracted") is not null).ToList();
        var item = Assert.Single(repaired);
        Assert.Equal("1-1-1", item.Text("id"));
        Assert.Contains("人 材育成", item.Text("descriptionAsExtracted"));
        Assert.Contains("人材育成", item.Text("description"));
    }

    [Fact]
    public async Task GoalDetailEmbedsItsMeasuresAndMeasureDetailItsSubMeasures()
    {
        foreach (var goal in source.Goals)
        {
            var detail = await client.GetJsonAsync($"/api/v1/goals/{goal.Id}");
            Assert.Equal(
                source.Measures.Where(m => m.Id.StartsWith(goal.Id + "-", StringComparison.Ordinal)).Select(m => m.Id),
                detail.GetProperty("measures").EnumerateArray().Select(m => m.Text("id")));
        }
        foreach (var measure in source.Measures)
        {
            var detail = await client.GetJsonAsync($"/api/v1/measures/{measure.Id}");
            Assert.Equal(measure.Title, detail.Text("title"));
            Assert.Equal(
                source.SubMeasures.Where(s => s.Id.StartsWith(measure.Id + "-", StringComparison.Ordinal)).Select(s => s.Title),
                detail.GetProperty("subMeasures").EnumerateArray().Select(s => s.Text("title")));
        }
    }

    [Theory]
    [InlineData("/api/v1/goals/1", "measures")]
    [InlineData("/api/v1/measures/1-1", "subMeasures")]
    public async Task DetailsStartWithTheirIdAndEndWithTheirChildren(string url, string children)
    {
        var raw = await client.GetStringAsync(url);
        Assert.StartsWith("{\"id\":", raw, StringComparison.Ordinal);
        Assert.Equal(children, JsonDocument.Parse(raw).RootElement.EnumerateObject().Last().Name);
    }

    [Fact]
    public async Task TheRelistedMedicalSubMeasureLinksToItsOriginalBothWays()
    {
        var relisting = await client.GetJsonAsync("/api/v1/sub-measures/4-2-2");
        var original = await client.GetJsonAsync("/api/v1/sub-measures/3-4-1");

        Assert.Equal("医療体制の整備(再掲)", relisting.Text("title"));
        Assert.Equal("3-4-1", relisting.Text("relistingOf"));
        Assert.Equal("/api/v1/sub-measures/3-4-1", relisting.GetProperty("links").Text("relistingOf"));
        Assert.Equal(original.Text("description"), relisting.Text("description"));

        Assert.Equal(JsonValueKind.Null, original.GetProperty("relistingOf").ValueKind);
        Assert.Equal(["4-2-2"], original.GetProperty("relistedAs").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task PlanNamesKushiroWithCheckedCodesCountsAndTheVerbatimSourceDocument()
    {
        var plan = await client.GetJsonAsync("/api/v1/plan");
        Assert.Equal("第2期釧路市まち・ひと・しごと創生総合戦略", plan.Text("title"));
        Assert.Equal("施策体系案", plan.Text("status"));
        var municipality = plan.GetProperty("municipality");
        Assert.Equal(("012068", "釧路市"), (municipality.Text("localGovernmentCode"), municipality.Text("name")));
        Assert.Equal(("010006", "北海道"), (municipality.GetProperty("prefecture").Text("localGovernmentCode"), municipality.GetProperty("prefecture").Text("name")));
        var counts = plan.GetProperty("counts");
        Assert.Equal((4, 17, 47), (counts.GetProperty("goals").GetInt32(), counts.GetProperty("measures").GetInt32(), counts.GetProperty("subMeasures").GetInt32()));

        var text = await client.GetStringAsync(plan.GetProperty("links").Text("sourceDocument"));
        Assert.Equal(File.ReadAllText(RepositoryFiles.SourceDocument), text);
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(RepositoryFiles.SourceDocument))),
            plan.GetProperty("sourceDocument").Text("sha256"));
    }

    // The seed may undo PDF-extraction damage only if the raw text stays available and only whitespace changed.
    private static void AssertSameTextOrRepairedExtraction(string sourceText, string served, string? servedAsExtracted)
    {
        if (servedAsExtracted is null)
        {
            Assert.Equal(sourceText, served);
            return;
        }
        Assert.Equal(sourceText, servedAsExtracted);
        Assert.NotEqual(sourceText, served);
        Assert.Equal(Regex.Replace(sourceText, @"\s", ""), Regex.Replace(served, @"\s", ""));
    }
}
