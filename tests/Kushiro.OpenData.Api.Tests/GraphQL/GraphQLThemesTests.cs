using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.GraphQL;

/// <summary>Themes, theme filters and English labels through GraphQL are what REST serves, item by item.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class GraphQLThemesTests(SharedApiFactory api)
{
    [Fact]
    public async Task EverySubMeasuresThemesEqualItsRestThemes()
    {
        var client = api.CreateClient();
        var subMeasures = (await client.PostGraphQLAsync("{ subMeasures { id themes { scheme code provenance rationale concept { scheme code label } } } }"))
            .Data.GetProperty("subMeasures").EnumerateArray().ToList();

        Assert.Equal(47, subMeasures.Count);
        foreach (var subMeasure in subMeasures)
        {
            var rest = (await client.GetJsonAsync($"/api/v1/sub-measures/{subMeasure.Text("id")}")).GetProperty("themes").EnumerateArray().ToList();
            var themes = subMeasure.GetProperty("themes").EnumerateArray().ToList();
            Assert.NotEmpty(themes);
            Assert.Equal(
                rest.Select(t => (t.Text("scheme"), t.Text("code"), t.Text("label"), t.Text("provenance"), t.Text("rationale"))),
                themes.Select(t => (t.Text("scheme"), t.Text("code"), t.GetProperty("concept").Text("label"), t.Text("provenance"), t.Text("rationale"))));
            Assert.All(themes, t => Assert.Equal(t.Text("scheme") + ":" + t.Text("code"), t.GetProperty("concept").Text("scheme") + ":" + t.GetProperty("concept").Text("code")));
        }
    }

    [Fact]
    public async Task ThemeFiltersReturnWhatRestReturnsForEveryConcept()
    {
        var client = api.CreateClient();
        var concepts = (await client.PostGraphQLAsync("{ themeSchemes { concepts { scheme code } } }")).Data.GetProperty("themeSchemes")
            .EnumerateArray().SelectMany(s => s.GetProperty("concepts").EnumerateArray()).Select(c => $"{c.Text("scheme")}:{c.Text("code")}").ToList();
        Assert.Equal((await client.GetJsonAsync("/api/v1/themes?limit=200")).Items().Sum(s => s.GetProperty("conceptCount").GetInt32()), concepts.Count);

        // Each concept alone, and with a second scheme (AND) and a second concept of its scheme (OR).
        var filters = concepts.Select(c => new[] { c })
            .Concat([["sdgs:3", "fields:health-welfare"], ["sdgs:8", "sdgs:9"], ["national:goal-1", "digiden:theme-1", "sdgs:8"]]);
        foreach (var filter in filters)
        {
            var answer = (await client.PostGraphQLAsync(
                "query($t: [String!]) { goals(theme: $t) { id } measures(theme: $t) { id } subMeasures(theme: $t) { id } kpis(theme: $t) { id } }",
                new { t = filter })).Data;
            var query = string.Join("&", filter.Select(f => "theme=" + Uri.EscapeDataString(f)));
            foreach (var (field, path) in new[] { ("goals", "goals"), ("measures", "measures"), ("subMeasures", "sub-measures"), ("kpis", "kpis") })
            {
                var rest = (await client.GetJsonAsync($"/api/v1/{path}?limit=200&{query}")).Items().Select(i => i.Text("id"));
                Assert.True(rest.SequenceEqual(Ids(answer.GetProperty(field))), $"{field} for {string.Join(" ", filter)}");
            }
        }
    }

    // A UI that builds the list from a selection sends [] when nothing is selected: that is no filter, as the
    // argument's description says (REST has no empty list to send: ?theme= with no value is a 400).
    [Fact]
    public async Task AnEmptyOrNullThemeListIsNoFilter()
    {
        var answer = (await api.CreateClient().PostGraphQLAsync(
            "{ all: subMeasures { id } empty: subMeasures(theme: []) { id } nulled: subMeasures(theme: null) { id } "
            + "found: search(q: \"医療\") { totalCount } foundEmpty: search(q: \"医療\", theme: []) { totalCount } }")).Data;

        Assert.Equal(47, answer.GetProperty("all").GetArrayLength());
        Assert.Equal(Ids(answer.GetProperty("all")), Ids(answer.GetProperty("empty")));
        Assert.Equal(Ids(answer.GetProperty("all")), Ids(answer.GetProperty("nulled")));
        Assert.Equal(answer.GetProperty("found").GetProperty("totalCount").GetInt32(), answer.GetProperty("foundEmpty").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task AnItemsThemesAreExactlyTheConceptsThatFindItAlone()
    {
        var client = api.CreateClient();
        var answer = (await client.PostGraphQLAsync(
            "{ goals { id themes { scheme code } } measures { id themes { scheme code } } themeSchemes { concepts { scheme code } } }")).Data;
        var concepts = answer.GetProperty("themeSchemes").EnumerateArray().SelectMany(s => s.GetProperty("concepts").EnumerateArray()).Select(Ref).ToList();
        foreach (var field in new[] { "goals", "measures" })
        {
            var themes = answer.GetProperty(field).EnumerateArray().ToDictionary(i => i.Text("id"), i => i.GetProperty("themes").EnumerateArray().Select(Ref).ToList());
            Assert.All(themes.Values, t => Assert.Equal(t.Distinct(), t));
            foreach (var concept in concepts)
            {
                // Both ways: an item lists the concept exactly when the filter on that concept alone finds it.
                var found = (await client.PostGraphQLAsync($"query($t: [String!]) {{ {field}(theme: $t) {{ id }} }}", new { t = new[] { concept } })).Data;
                Assert.Equal(themes.Where(t => t.Value.Contains(concept)).Select(t => t.Key), Ids(found.GetProperty(field)));
            }
        }
        // A goal's themes under one scheme: its sub-measures' mappings under it, gathered, in concept order.
        var goal1 = (await client.PostGraphQLAsync(
            "{ goal(id: \"1\") { themes(scheme: \"sdgs\") { code } measures { subMeasures { themes(scheme: \"sdgs\") { code } } } } }")).Data.GetProperty("goal");
        var gathered = goal1.GetProperty("measures").EnumerateArray().SelectMany(m => m.GetProperty("subMeasures").EnumerateArray())
            .SelectMany(s => s.GetProperty("themes").EnumerateArray()).Select(t => int.Parse(t.Text("code"))).Distinct().Order().Select(c => c.ToString());
        Assert.Equal(gathered, goal1.GetProperty("themes").EnumerateArray().Select(t => t.Text("code")));
    }

    [Fact]
    public async Task ConceptsAndGoalAlignmentsEqualRest()
    {
        var client = api.CreateClient();
        foreach (var (scheme, code) in new[] { ("sdgs", "14"), ("fields", "childcare-education"), ("national", "goal-2"), ("digiden", "theme-1") })
        {
            var concept = (await client.PostGraphQLAsync("query($s: ID!, $c: String!) { themeConcept(scheme: $s, code: $c) { label labelEn iri notation subMeasures { id } alignedGoals { id } } }",
                new { s = scheme, c = code })).Data.GetProperty("themeConcept");
            var rest = await client.GetJsonAsync($"/api/v1/themes/{scheme}/{code}");
            Assert.Equal(rest.Text("label"), concept.Text("label"));
            Assert.Equal(rest.NullableText("iri"), concept.NullableText("iri"));
            Assert.Equal((await client.GetJsonAsync($"/api/v1/themes/{scheme}/{code}/sub-measures?limit=200")).Items().Select(s => s.Text("id")), Ids(concept.GetProperty("subMeasures")));
            Assert.Equal(rest.GetProperty("goals").EnumerateArray().Select(g => g.Text("goalId")), Ids(concept.GetProperty("alignedGoals")));
        }
        Assert.Equal("http://metadata.un.org/sdg/14",
            (await client.PostGraphQLAsync("{ themeConcept(scheme: \"sdgs\", code: \"14\") { iri } }")).Data.GetProperty("themeConcept").Text("iri"));

        foreach (var goal in (await client.PostGraphQLAsync("{ goals { id alignments { scheme code provenance rationale } } }")).Data.GetProperty("goals").EnumerateArray())
        {
            var rest = (await client.GetJsonAsync($"/api/v1/goals/{goal.Text("id")}")).GetProperty("alignments").EnumerateArray();
            Assert.Equal(
                rest.Select(a => (a.Text("scheme"), a.Text("code"), a.Text("provenance"), a.Text("rationale"))),
                goal.GetProperty("alignments").EnumerateArray().Select(a => (a.Text("scheme"), a.Text("code"), a.Text("provenance"), a.Text("rationale"))));
        }
        Assert.Null((await client.PostGraphQLAsync("{ themeConcept(scheme: \"sdgs\", code: \"18\") { label } }")).Data.GetProperty("themeConcept").GetString());
    }

    [Theory]
    [InlineData("{ subMeasures(theme: [\"sdgs:18\"]) { id } }", "\"18\"")]
    [InlineData("{ goals(theme: [\"sdg:14\"]) { id } plan { title } }", "\"sdg\"")]
    [InlineData("{ kpis(theme: [\"14\"]) { id } }", "\"14\"")]
    [InlineData("{ measures(theme: [\"fields:energy:x\"]) { id } }", "fields:energy:x")]
    [InlineData("{ search(q: \"医療\", theme: [\"sdgs:0\"]) { totalCount } }", "\"0\"")]
    [InlineData("{ subMeasures { themes(scheme: \"sdg\") { code } } }", "\"sdg\"")]
    [InlineData("{ goals { alignments(scheme: \"nation\") { code } themes(scheme: \"x\") { code } } }", "\"nation\"")]
    // A right-to-left override in the argument is quoted as an escape, not applied to the message on screen.
    [InlineData("{ subMeasures(theme: [\"sdgs\\u202E:1\"]) { id } }", @"""sdgs\u202E""")]
    [InlineData("{ subMeasures { themes(scheme: \"x\\u202E\") { code } } }", @"""x\u202E""")]
    public async Task AnUnknownThemeIsARequestErrorNamingIt(string query, string named)
    {
        var answer = await api.CreateClient().PostGraphQLAsync(query);

        // Refused while validating, as REST's 400: one error per bad argument as written, never one per item, and
        // no half-answer (a non-null list nulled up to its parent).
        var messages = answer.RequestError("INVALID_THEME");
        Assert.InRange(messages.Count, 1, 2);
        Assert.Contains(named, messages[0]);
    }

    [Fact]
    public async Task ADocumentThatPassedStillRefusesABadThemeInItsVariables()
    {
        var client = api.CreateClient();
        // Each document is validated once; what a request's variables bring is checked every time.
        const string query = "query($t: [String!]) { subMeasures(theme: $t) { id } }";
        Assert.NotEmpty((await client.PostGraphQLAsync(query, new { t = new[] { "sdgs:8" } })).Data.GetProperty("subMeasures").EnumerateArray());

        var answer = await client.PostGraphQLAsync(query, new { t = new[] { "sdgs:18" } });

        Assert.Contains("\"18\"", Assert.Single(answer.RequestError("INVALID_THEME")));
    }

    [Fact]
    public async Task EnglishLabelsThroughGraphQLAreTheOnesRestServesInEnglish()
    {
        var client = api.CreateClient();
        var data = (await client.PostGraphQLAsync(
            "{ goals { id en { title provenance } measures { id en { title provenance } subMeasures { id en { title description provenance } } } } }")).Data;
        var count = 0;
        foreach (var goal in data.GetProperty("goals").EnumerateArray())
        {
            await AssertSameEnglish(client, goal, $"/api/v1/goals/{goal.Text("id")}?lang=en");
            foreach (var measure in goal.GetProperty("measures").EnumerateArray())
            {
                await AssertSameEnglish(client, measure, $"/api/v1/measures/{measure.Text("id")}?lang=en");
                foreach (var subMeasure in measure.GetProperty("subMeasures").EnumerateArray())
                {
                    await AssertSameEnglish(client, subMeasure, $"/api/v1/sub-measures/{subMeasure.Text("id")}?lang=en");
                    Assert.False(string.IsNullOrWhiteSpace(subMeasure.GetProperty("en").Text("description")));
                    count++;
                }
                count++;
            }
            count++;
        }
        Assert.Equal(68, count);
    }

    private static async Task AssertSameEnglish(HttpClient client, JsonElement item, string restUrl)
    {
        var en = item.GetProperty("en");
        var rest = (await client.GetJsonAsync(restUrl)).GetProperty("en");
        Assert.Equal(rest.Text("title"), en.Text("title"));
        Assert.Equal("editorial", en.Text("provenance"));
        if (en.TryGetProperty("description", out var description))
        {
            Assert.Equal(rest.NullableText("description"), description.GetString());
        }
    }

    private static string Ref(JsonElement concept) => $"{concept.Text("scheme")}:{concept.Text("code")}";

    private static IEnumerable<string> Ids(JsonElement list) => list.EnumerateArray().Select(e => e.Text("id")).ToList();
}
