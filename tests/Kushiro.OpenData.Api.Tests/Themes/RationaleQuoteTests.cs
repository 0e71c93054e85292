using System.Text.RegularExpressions;

namespace Kushiro.OpenData.Api.Tests.Themes;

/// <summary>
/// A rationale quotes, in 「…」, the words a mapping rests on: the source document's or the concept's own. A quote found
/// in neither puts words in the city's or the government's mouth.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed partial class RationaleQuoteTests(SharedApiFactory api)
{
    [Fact]
    public async Task EveryQuoteInARationaleIsInTheSourceDocumentOrTheConceptsLabel()
    {
        var client = api.CreateClient();
        // The extracted text breaks lines inside words (人 材育成), so white space is left out on both sides.
        var source = WithoutSpace(File.ReadAllText(RepositoryFiles.SourceDocument));
        var mappings = new List<(string Owner, System.Text.Json.JsonElement Mapping)>();
        foreach (var goal in (await client.GetJsonAsync("/api/v1/goals")).Items())
        {
            var id = goal.Text("id");
            mappings.AddRange((await client.GetJsonAsync($"/api/v1/goals/{id}")).GetProperty("alignments").EnumerateArray().Select(a => ($"goal {id}", a)));
        }
        foreach (var subMeasure in (await client.GetJsonAsync("/api/v1/sub-measures?limit=200")).Items())
        {
            mappings.AddRange(subMeasure.GetProperty("themes").EnumerateArray().Select(t => ($"sub-measure {subMeasure.Text("id")}", t)));
        }

        var misquoted = mappings
            .SelectMany(m => Quote().Matches(m.Mapping.Text("rationale")).Select(q => (m.Owner, Concept: $"{m.Mapping.Text("scheme")}:{m.Mapping.Text("code")}", Label: m.Mapping.Text("label"), Quoted: q.Groups[1].Value)))
            .Where(q => !source.Contains(WithoutSpace(q.Quoted), StringComparison.Ordinal) && !q.Label.Contains(q.Quoted, StringComparison.Ordinal))
            .Select(q => $"{q.Owner} → {q.Concept}: 「{q.Quoted}」")
            .ToList();

        Assert.True(mappings.Count > 200, $"only {mappings.Count} mappings read");
        Assert.True(misquoted.Count == 0, string.Join("\n", misquoted));
    }

    private static string WithoutSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex("「([^」]+)」")]
    private static partial Regex Quote();
}
