using System.Net;
using System.Text.Json;
using Kushiro.OpenData.Api.Tests.GraphQL;

namespace Kushiro.OpenData.Api.Tests.Themes;

/// <summary>The code lists and the goals' alignments to them, as the seed files state them.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class ThemeTests(SharedApiFactory api)
{
    [Fact]
    public async Task EverySchemeFileIsServedWithAllItsConcepts()
    {
        var client = api.CreateClient();
        var files = Directory.GetFiles(RepositoryFiles.SeedDirectory, "themes-*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement).ToList();
        var schemes = await client.GetJsonAsync("/api/v1/themes");

        Assert.Equal(files.Select(f => f.Text("id")).Order(), schemes.Items().Select(s => s.Text("id")).Order());
        foreach (var file in files)
        {
            var served = await client.GetJsonAsync($"/api/v1/themes/{file.Text("id")}");
            Assert.Equal(
                file.GetProperty("concepts").EnumerateArray().Select(c => (c.Text("code"), c.Text("label"))),
                served.GetProperty("concepts").EnumerateArray().Select(c => (c.Text("code"), c.Text("label"))));
        }
    }

    // The codes had been only inside the IRIs in RDF (a linked-data consumer's review): a query for SDG 14 had to take
    // IRIs apart. Each scheme and concept carries its code as dct:identifier, the code of the files and of ?theme=.
    [Fact]
    public async Task EverySchemeAndConceptCarriesItsCodeInJsonLd()
    {
        var client = api.CreateClient();
        foreach (var file in Directory.GetFiles(RepositoryFiles.SeedDirectory, "themes-*.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement))
        {
            var scheme = await client.GetJsonLdAsync($"/api/v1/themes/{file.Text("id")}");
            Assert.Equal(file.Text("id"), (string?)scheme["identifier"]);
            Assert.Equal(
                file.GetProperty("concepts").EnumerateArray().Select(c => ($"http://localhost/id/scheme/{file.Text("id")}/{c.Text("code")}", (string?)c.Text("code"))),
                scheme["topConcepts"]!.AsArray().Select(c => ((string)c!["id"]!, (string?)c["identifier"])));
        }
    }

    // Whose a scheme's English labels are (this project's, or the publisher's own) is said by a field in every
    // representation, where it had been only in the Japanese note. The repository's seed has the UN's own English for
    // the SDGs and this project's for the rest; a seed where all of it is this project's is tried too.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WhoseEachConceptsEnglishLabelIsIsSaidInEveryRepresentation(bool sdgsOfficial)
    {
        using var seed = SeedWithSdgsEnglish(sdgsOfficial);
        using var other = new ApiFactory(seed.Path);
        var client = other.CreateClient();
        var files = Directory.GetFiles(seed.Path, "themes-*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement).ToDictionary(f => f.Text("id"), f => f.Text("labelEnProvenance"));
        Assert.Equal(sdgsOfficial ? "official" : "editorial", files["sdgs"]);

        var csv = Csv.Rfc4180.Parse(System.Text.Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/v1/export/csv/concepts.csv")).TrimStart('\uFEFF'));
        var provenanceColumn = csv[0].IndexOf("名称（英語）の出自");
        var graphql = (await client.PostGraphQLAsync("{ themeSchemes { id labelEnProvenance concepts { code labelEnProvenance } } }")).Data.GetProperty("themeSchemes");
        foreach (var (scheme, provenance) in files)
        {
            var served = await client.GetJsonAsync($"/api/v1/themes/{scheme}");
            Assert.Equal(provenance, served.Text("labelEnProvenance"));
            Assert.All(served.GetProperty("concepts").EnumerateArray(), c => Assert.Equal(provenance, c.Text("labelEnProvenance")));
            Assert.All(csv.Skip(1).Where(r => r[1].StartsWith(scheme + ":", StringComparison.Ordinal)), r => Assert.Equal(provenance, r[provenanceColumn]));
            var inGraphQL = graphql.EnumerateArray().Single(s => s.Text("id") == scheme);
            Assert.Equal(provenance, inGraphQL.Text("labelEnProvenance"));
            Assert.All(inGraphQL.GetProperty("concepts").EnumerateArray(), c => Assert.Equal(provenance, c.Text("labelEnProvenance")));

            var code = served.GetProperty("concepts")[0].Text("code");
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/themes/{scheme}/{code}");
            request.Headers.Accept.ParseAdd("application/ld+json");
            var linked = JsonDocument.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
            var english = linked.GetProperty("englishLabel");
            Assert.Equal(provenance, english.Text("provenance"));
            Assert.Equal(served.GetProperty("concepts")[0].Text("labelEn"), english.Text("表記En"));
            // This project's licence goes only with this project's translation.
            Assert.Equal(provenance == "editorial", english.TryGetProperty("license", out _));
        }
    }

    // The licence statement of the code lists must not claim a publisher's own English (the UN's SDG titles) as this
    // project's addition under its licence, in the catalog nor in the ZIP's README.txt beside the CSV files; nor make an
    // exception where all of the English is this project's.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheCodeListsRightsLeaveThePublishersOwnEnglishOutOfThisProjectsLicence(bool sdgsOfficial)
    {
        using var seed = SeedWithSdgsEnglish(sdgsOfficial);
        using var other = new ApiFactory(seed.Path);
        var client = other.CreateClient();
        var schemes = (await client.GetJsonAsync("/api/v1/themes")).Items().ToList();
        var rights = (await client.GetJsonAsync("/api/v1/catalog")).GetProperty("datasets").EnumerateArray().Single(d => d.Text("id") == "code-lists").Text("rights");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await client.GetByteArrayAsync("/api/v1/export/csv.zip")));
        using var readme = new StreamReader(zip.GetEntry("README.txt")!.Open());
        var readmeText = await readme.ReadToEndAsync();

        var exceptionAt = rights.IndexOf("ただし", StringComparison.Ordinal);
        Assert.Equal(sdgsOfficial, exceptionAt >= 0);
        var exception = exceptionAt >= 0 ? rights[exceptionAt..] : "";
        foreach (var scheme in schemes)
        {
            Assert.Equal(scheme.Text("labelEnProvenance") == "official", exception.Contains($"「{scheme.Text("title")}」", StringComparison.Ordinal));
        }
        Assert.Contains(rights, readmeText);
    }

    private static Seed.SeedFolder SeedWithSdgsEnglish(bool official) =>
        new Seed.SeedFolder().EditFile("themes-sdgs.json", root => root["labelEnProvenance"] = official ? "official" : "editorial");

    // A goal's alignment says why by naming measures (施策2-1、2-5); a researcher filtering by the concept must find
    // sub-measures of each measure named. Goal 2's rationale for cross-1 had named 2-4, none of whose sub-measures
    // is mapped there.
    [Fact]
    public async Task EveryMeasureAnAlignmentsRationaleNamesHasASubMeasureUnderThatConcept()
    {
        var client = api.CreateClient();
        var checkedMeasures = 0;
        foreach (var goal in (await client.GetJsonAsync("/api/v1/goals")).Items())
        {
            foreach (var alignment in (await client.GetJsonAsync($"/api/v1/goals/{goal.Text("id")}")).GetProperty("alignments").EnumerateArray())
            {
                var named = System.Text.RegularExpressions.Regex.Matches(alignment.Text("rationale"), @"(?<![0-9-])[0-9]+-[0-9]+(?![0-9-])").Select(m => m.Value).ToList();
                var theme = $"{alignment.Text("scheme")}:{alignment.Text("code")}";
                var under = (await client.GetJsonAsync($"/api/v1/sub-measures?theme={theme}&limit=200")).Items().Select(s => s.Text("measureId")).ToHashSet();
                foreach (var measure in named)
                {
                    Assert.True(under.Contains(measure), $"goal {goal.Text("id")}, {theme}: its rationale names measure {measure}, which has no sub-measure under {theme}");
                    checkedMeasures++;
                }
            }
        }
        Assert.True(checkedMeasures >= 10, $"only {checkedMeasures} measures named in rationales");
    }

    [Fact]
    public async Task EveryGoalIsAlignedToTheNationalStrategyAndTheDigidenThemesWithAReason()
    {
        var client = api.CreateClient();
        foreach (var goal in (await client.GetJsonAsync("/api/v1/goals")).Items())
        {
            var alignments = (await client.GetJsonAsync($"/api/v1/goals/{goal.Text("id")}")).GetProperty("alignments").EnumerateArray().ToList();
            Assert.Contains(alignments, a => a.Text("scheme") == "national");
            Assert.Contains(alignments, a => a.Text("scheme") == "digiden");
            Assert.All(alignments, a =>
            {
                Assert.Equal("editorial", a.Text("provenance"));
                Assert.False(string.IsNullOrWhiteSpace(a.Text("rationale")));
            });
        }
    }

    [Fact]
    public async Task AConceptListsExactlyTheGoalsAlignedToIt()
    {
        var client = api.CreateClient();
        var seed = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.SeedDirectory, "alignments.json"))).RootElement;
        var concept = await client.GetJsonAsync("/api/v1/themes/national/goal-4");

        Assert.Equal(
            seed.EnumerateArray().Where(a => a.Text("scheme") == "national" && a.Text("code") == "goal-4").Select(a => a.Text("goalId")),
            concept.GetProperty("goals").EnumerateArray().Select(g => g.Text("goalId")));
    }

    // An SDG is mapped to sub-measures only, so its concept's goals are empty: the concept links to the sub-measures
    // mapped to it, in the scheme's list as in the concept itself (a linked-data review found no way from one to the other).
    [Fact]
    public async Task EveryConceptLinksToExactlyTheSubMeasuresMappedToIt()
    {
        var client = api.CreateClient();
        var mapped = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.SeedDirectory, "sub-measure-themes.json"))).RootElement
            .EnumerateArray().ToLookup(m => $"{m.Text("scheme")}:{m.Text("code")}", m => m.Text("subMeasureId"));
        var schemes = await client.GetJsonAsync("/api/v1/themes");
        var followed = 0;
        foreach (var scheme in schemes.Items())
        {
            var listed = await client.GetJsonAsync(scheme.GetProperty("links").Text("self")!);
            foreach (var concept in listed.GetProperty("concepts").EnumerateArray())
            {
                var link = concept.GetProperty("links").Text("subMeasures")!;
                Assert.Equal(link, (await client.GetJsonAsync(concept.GetProperty("links").Text("self")!)).GetProperty("links").Text("subMeasures"));
                var subMeasures = await client.GetJsonAsync(link + "?limit=200");
                Assert.Equal(
                    mapped[$"{concept.Text("scheme")}:{concept.Text("code")}"].Distinct().Order(StringComparer.Ordinal),
                    subMeasures.Items().Select(s => s.Text("id")).Order(StringComparer.Ordinal));
                followed++;
            }
        }
        Assert.True(followed > 17);
    }

    [Fact]
    public async Task EveryReferenceToAConceptCarriesItsNotationAndItsJapaneseAndEnglishLabels()
    {
        // An app shows a sub-measure's themes, a goal's alignments and a list's facets ("SDG 14 海の豊かさを守ろう")
        // without fetching each concept: notation and labels are those of the scheme files.
        var labels = Directory.GetFiles(RepositoryFiles.SeedDirectory, "themes-*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .SelectMany(f => f.GetProperty("concepts").EnumerateArray().Select(c => (Key: $"{f.Text("id")}:{c.Text("code")}", Labels: (c.Text("notation"), c.Text("label"), c.Text("labelEn")))))
            .ToDictionary(x => x.Key, x => x.Labels);
        var client = api.CreateClient();
        var references = new List<(string Key, JsonElement Reference)>();
        foreach (var sub in (await client.GetJsonAsync("/api/v1/sub-measures?limit=200")).Items())
        {
            references.AddRange(sub.GetProperty("themes").EnumerateArray().Select(t => ($"{t.Text("scheme")}:{t.Text("code")}", t)));
        }
        foreach (var goal in (await client.GetJsonAsync("/api/v1/goals")).Items())
        {
            var alignments = (await client.GetJsonAsync($"/api/v1/goals/{goal.Text("id")}")).GetProperty("alignments");
            references.AddRange(alignments.EnumerateArray().Select(a => ($"{a.Text("scheme")}:{a.Text("code")}", a)));
        }
        var facets = (await client.GetJsonAsync("/api/v1/sub-measures?facets=sdgs,fields,national,digiden")).GetProperty("facets");
        references.AddRange(facets.EnumerateObject().SelectMany(scheme => scheme.Value.EnumerateArray().Select(f => ($"{scheme.Name}:{f.Text("code")}", f))));

        Assert.Equal(labels.Keys.Order(), references.Select(r => r.Key).Distinct().Order()); // every concept, via the facets
        Assert.All(references, r => Assert.Equal(labels[r.Key], (r.Reference.Text("notation"), r.Reference.Text("label"), r.Reference.Text("labelEn"))));
    }

    // A concept's list of sub-measures is the filtered list under another URL, and its links lead there: it refused
    // facets, so "SDG 8 by policy field" took the other URL (a researcher's review).
    [Theory]
    [InlineData("sdgs", "8", "")]
    [InlineData("sdgs", "8", "&relisted=false")]
    [InlineData("fields", "tourism-exchange", "&relisted=true")]
    public async Task AConceptsSubMeasuresCountFacetsAsTheThemeFilterDoes(string scheme, string code, string relisted)
    {
        var client = api.CreateClient();

        var listed = await client.GetJsonAsync($"/api/v1/themes/{scheme}/{code}/sub-measures?limit=200&facets=fields,national{relisted}");
        var filtered = await client.GetJsonAsync($"/api/v1/sub-measures?theme={scheme}:{code}&limit=200&facets=fields,national{relisted}");

        Assert.Equal(filtered.GetProperty("total").GetInt32(), listed.GetProperty("total").GetInt32());
        Assert.Equal(filtered.GetProperty("facets").GetRawText(), listed.GetProperty("facets").GetRawText());
        // Counted from the items themselves, for a scheme other than the concept's (on its own scheme a facet stands in
        // for the concept): each national goal's count is how many listed sub-measures are mapped to it.
        var items = listed.Items().ToList();
        Assert.All(listed.GetProperty("facets").GetProperty("national").EnumerateArray(), f => Assert.Equal(
            items.Count(s => s.GetProperty("themes").EnumerateArray().Any(t => t.Text("scheme") == "national" && t.Text("code") == f.Text("code"))),
            f.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task AConceptsSubMeasuresRefuseAnUnknownFacetScheme()
    {
        var problem = await api.CreateClient().GetJsonAsync("/api/v1/themes/sdgs/8/sub-measures?facets=colours", HttpStatusCode.BadRequest);
        Assert.Contains("colours", Assert.Single(problem.GetProperty("errors").GetProperty("facets").EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("/api/v1/themes/unknown")]
    [InlineData("/api/v1/themes/national/goal-9")]
    public async Task UnknownSchemesAndConceptsAre404Problems(string url)
    {
        using var response = await api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
