using System.Net;
using System.Text.Json;
using Kushiro.OpenData.Api.Tests.Csv;

namespace Kushiro.OpenData.Api.Tests.Labels;

/// <summary>English for readers without Japanese: on request in JSON, always in JSON-LD (@en) and CSV, and searchable.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class EnglishLabelTests(SharedApiFactory api)
{
    [Fact]
    public async Task All68GoalsMeasuresAndSubMeasuresHaveEnglishLabels()
    {
        var client = api.CreateClient();
        var items = new List<JsonElement>();
        foreach (var list in new[] { "goals", "measures", "sub-measures" })
        {
            using var response = await client.GetAsync($"/api/v1/{list}?limit=200&lang=en");
            Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
            items.AddRange(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone().Items());
        }
        Assert.Equal(68, items.Count);
        Assert.All(items, i =>
        {
            var en = i.GetProperty("en");
            Assert.False(string.IsNullOrWhiteSpace(en.Text("title")), i.Text("id"));
            Assert.Equal("editorial", en.Text("provenance"));
            Assert.DoesNotMatch("[\\u3040-\\u30ff\\u4e00-\\u9fff]", en.Text("title")); // English, not Japanese left over
        });
        Assert.All(items.Where(i => i.TryGetProperty("description", out _)), s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("en").Text("description"))));
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(null, "en", true)]
    [InlineData(null, "en-US,en;q=0.9", true)]
    [InlineData(null, "ja,en;q=0.5", false)]
    // "*" stands for every language the field does not name (RFC 9110 §12.5.4).
    [InlineData(null, "ja;q=0, *", true)]
    [InlineData(null, "ja;q=0.5, *;q=0.8", true)]
    [InlineData(null, "en;q=0.5, *", false)]
    [InlineData(null, "*", false)]
    [InlineData(null, "en;q=0", false)]
    [InlineData("en", "ja", true)]
    [InlineData("ja", "en", false)]
    public async Task EnglishIsServedWhenAskedForByParameterOrHeader(string? lang, string? acceptLanguage, bool english)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/goals/4" + (lang is null ? "" : $"?lang={lang}"));
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }
        using var response = await api.CreateClient().SendAsync(request);
        var goal = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(english, goal.TryGetProperty("en", out _));
        Assert.Equal("持続可能なまちをつくる", goal.Text("title")); // the source's text stays where it was
        // Where ?lang= chose, the header changes nothing: naming it in Vary had a shared cache keep one copy of the URL
        // per browser language.
        Assert.Equal(lang is null, response.Headers.Vary.Contains("Accept-Language"));
    }

    [Theory]
    [InlineData("/api/v1/plan/source-document")]
    [InlineData("/api/v1/changes")]
    [InlineData("/api/v1/kpis")]
    public async Task OnlyAnswersThatCarryEnglishSayContentLanguageEn(string url)
    {
        using var response = await api.CreateClient().GetAsync(url + (url.Contains('?') ? "&" : "?") + "lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task AnUnknownLanguageIsA400NamingLang()
    {
        using var response = await api.CreateClient().GetAsync("/api/v1/goals?lang=fr");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"lang\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task JsonLdCarriesBothLanguagesAndCsvHasEnglishColumns()
    {
        var client = api.CreateClient();
        var english = (await client.GetJsonAsync("/api/v1/sub-measures/1-6-1?lang=en")).GetProperty("en");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sub-measures/1-6-1");
        request.Headers.Accept.ParseAdd("application/ld+json");
        var node = JsonDocument.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(english.Text("title"), node.Text("表記En"));
        Assert.Equal(english.Text("description"), node.Text("説明En"));
        var context = JsonDocument.Parse(await client.GetStringAsync("/ns/context.jsonld")).RootElement.GetProperty("@context");
        Assert.Equal("en", context.GetProperty("表記En").Text("@language"));
        // Whose the English is, which a literal cannot say: this project's translation, under its own licence.
        var labelled = node.GetProperty("englishLabel");
        Assert.Equal((english.Text("title"), english.Text("description"), english.Text("provenance")),
            (labelled.Text("表記En"), labelled.Text("説明En"), labelled.Text("provenance")));
        var plan = await client.GetJsonAsync("/api/v1/plan");
        Assert.Equal(plan.GetProperty("editorialLicence").Text("url"), labelled.Text("license"));
        Assert.NotEqual(plan.GetProperty("licence").Text("url"), labelled.Text("license"));

        var csv = await client.GetCsvAsync("/api/v1/sub-measures?limit=200");
        var row = csv.Rows.Single(r => r["ID"] == "1-6-1");
        Assert.Equal((english.Text("title"), english.Text("description")), (row["名称（英語）"], row["説明（英語）"]));
    }

    [Fact]
    public async Task EnglishLabelsAreSearchable()
    {
        var labels = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.SeedDirectory, "english-labels.json"))).RootElement
            .EnumerateArray().Where(l => (l.Text("titleEn") + " " + (l.TryGetProperty("descriptionEn", out var d) ? d.GetString() : "")).Contains("childcare", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.Text("id")).ToList();
        var found = (await api.CreateClient().GetJsonAsync("/api/v1/search?limit=200&q=Childcare")).Items().Select(r => r.Text("id")).ToList();
        Assert.NotEmpty(labels);
        Assert.Equal(labels.Order(), found.Order());
    }
}
