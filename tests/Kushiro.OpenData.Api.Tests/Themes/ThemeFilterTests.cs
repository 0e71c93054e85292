using System.Net;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.Themes;

/// <summary>?theme= returns exactly the mapped items (per seed/sub-measure-themes.json), and facets agree with it.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class ThemeFilterTests(SharedApiFactory api)
{
    /// <summary>Every sub-measure's theme mappings, as seed/sub-measure-themes.json has them.</summary>
    internal static readonly List<(string SubMeasure, string Theme)> Mappings = [.. JsonDocument
        .Parse(File.ReadAllText(Path.Combine(RepositoryFiles.SeedDirectory, "sub-measure-themes.json"))).RootElement
        .EnumerateArray().Select(m => (m.Text("subMeasureId"), $"{m.Text("scheme")}:{m.Text("code")}"))];

    [Theory]
    [InlineData("sdgs:14")]
    [InlineData("sdgs:3")]
    [InlineData("fields:childcare-education")]
    [InlineData("national:goal-3")]
    public async Task SubMeasuresUnderAThemeAreExactlyThoseMappedToIt(string theme)
    {
        var expected = Mappings.Where(m => m.Theme == theme).Select(m => m.SubMeasure).Order().ToList();
        var page = await api.CreateClient().GetJsonAsync($"/api/v1/sub-measures?limit=200&theme={theme}");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, page.Items().Select(s => s.Text("id")).Order());
    }

    [Fact]
    public async Task ConceptsOfOneSchemeCombineWithOrAndSchemesWithAnd()
    {
        var client = api.CreateClient();
        var either = Mappings.Where(m => m.Theme is "sdgs:14" or "sdgs:7").Select(m => m.SubMeasure).ToHashSet();
        var both = Mappings.Where(m => m.Theme == "sdgs:8").Select(m => m.SubMeasure)
            .Intersect(Mappings.Where(m => m.Theme == "fields:human-resources").Select(m => m.SubMeasure)).ToHashSet();

        Assert.Equal(either.Order(), (await client.GetJsonAsync("/api/v1/sub-measures?limit=200&theme=sdgs:14&theme=sdgs:7")).Items().Select(s => s.Text("id")).Order());
        Assert.Equal(both.Order(), (await client.GetJsonAsync("/api/v1/sub-measures?limit=200&theme=sdgs:8&theme=fields:human-resources")).Items().Select(s => s.Text("id")).Order());
    }

    [Fact]
    public async Task GoalsAndMeasuresAreUnderAThemeWhenOneOfTheirSubMeasuresIs()
    {
        var client = api.CreateClient();
        var subMeasures = (await client.GetJsonAsync("/api/v1/sub-measures?limit=200&theme=sdgs:14")).Items().ToList();
        var measures = await client.GetJsonAsync("/api/v1/measures?limit=200&theme=sdgs:14");
        var goals = await client.GetJsonAsync("/api/v1/goals?limit=200&theme=sdgs:14");
        Assert.Equal(subMeasures.Select(s => s.Text("measureId")).Distinct().Order(), measures.Items().Select(m => m.Text("id")).Order());
        Assert.Equal(subMeasures.Select(s => s.Text("goalId")).Distinct().Order(), goals.Items().Select(g => g.Text("id")).Order());
    }

    [Theory]
    [InlineData("/api/v1/sub-measures")]
    [InlineData("/api/v1/measures")]
    [InlineData("/api/v1/goals")]
    [InlineData("/api/v1/kpis")]
    // Search too (a researcher's question: which SDGs do the plan's 支援 policies serve?), re-listings left out or not.
    [InlineData("/api/v1/search?q=%E6%94%AF%E6%8F%B4")]
    [InlineData("/api/v1/search?q=%E6%94%AF%E6%8F%B4&relisted=false")]
    public async Task EachFacetCountIsTheTotalOfFollowingIt(string list)
    {
        var client = api.CreateClient();
        var join = list.Contains('?') ? '&' : '?';
        var page = await client.GetJsonAsync($"{list}{join}facets=sdgs,fields&theme=national:goal-1");
        var counts = new List<int>();
        foreach (var scheme in new[] { "sdgs", "fields" })
        {
            foreach (var facet in page.GetProperty("facets").GetProperty(scheme).EnumerateArray())
            {
                var followed = await client.GetJsonAsync($"{list}{join}theme=national:goal-1&theme={scheme}:{facet.Text("code")}");
                Assert.Equal(followed.GetProperty("total").GetInt32(), facet.GetProperty("count").GetInt32());
                counts.Add(facet.GetProperty("count").GetInt32());
            }
        }
        // Counts that tell concepts apart, not all nothing (but for the KPIs: the seed's one, the plan's own, is under
        // no theme).
        Assert.Contains(0, counts);
        if (list != "/api/v1/kpis")
        {
            Assert.Contains(counts, c => c > 0);
        }
    }

    [Theory]
    [InlineData("theme=sdgs:99", "theme")]
    [InlineData("theme=planets:1", "theme")]
    [InlineData("theme=sdgs", "theme")]
    [InlineData("facets=sdgs,colours", "facets")]
    [InlineData("facets=sdgs,,fields", "facets")]
    [InlineData("facets=sdgs,sdgs", "facets")]
    public async Task UnknownThemesAre400sNamingThem(string query, string parameter)
    {
        foreach (var list in new[] { "/api/v1/sub-measures?", "/api/v1/search?q=%E6%94%AF%E6%8F%B4&" })
        {
            await AssertRefusedAsync(list + query, query, parameter);
        }
    }

    // facets takes commas, so a researcher wrote themes the same way: the 400 says how they are written (a review).
    [Theory]
    [InlineData("/api/v1/sub-measures?theme=sdgs:8,sdgs:9")]
    [InlineData("/api/v1/measures?theme=sdgs:8,9")]
    [InlineData("/api/v1/search?q=%E6%94%AF%E6%8F%B4&theme=sdgs:8,sdgs:9")]
    public async Task CommaSeparatedThemesAreToldToRepeatTheParameter(string url)
    {
        var problem = await api.CreateClient().GetJsonAsync(url, HttpStatusCode.BadRequest);

        var message = Assert.Single(problem.GetProperty("errors").GetProperty("theme").EnumerateArray()).GetString();
        Assert.Contains("theme=sdgs:8&theme=sdgs:9", message);
    }

    private async Task AssertRefusedAsync(string url, string query, string parameter)
    {
        using var response = await api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"{parameter}\"", body);
        Assert.Contains(query.Split('=')[1].Split(',').Last().Split(':')[0], body);
    }

    [Fact]
    public async Task EverySubMeasureIsMappedInEveryScheme()
    {
        var schemes = (await api.CreateClient().GetJsonAsync("/api/v1/themes")).Items().Select(s => s.Text("id")).ToList();
        var subMeasures = (await api.CreateClient().GetJsonAsync("/api/v1/sub-measures?limit=200")).Items().Select(s => s.Text("id"));
        Assert.All(subMeasures, id => Assert.All(schemes, scheme => Assert.Contains(Mappings, m => m.SubMeasure == id && m.Theme.StartsWith(scheme + ":"))));
    }

    [Fact]
    public async Task EverySubMeasureShowsItsMappingsWithTheirRationale()
    {
        foreach (var sub in (await api.CreateClient().GetJsonAsync("/api/v1/sub-measures?limit=200")).Items())
        {
            var themes = sub.GetProperty("themes").EnumerateArray().ToList();
            Assert.Equal(
                Mappings.Where(m => m.SubMeasure == sub.Text("id")).Select(m => m.Theme).Order(),
                themes.Select(t => $"{t.Text("scheme")}:{t.Text("code")}").Order());
            Assert.All(themes, t => Assert.False(string.IsNullOrWhiteSpace(t.Text("rationale"))));
        }
    }
}
