using System.Text;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.Search;

/// <summary>What a search should find, worked out from the REST lists rather than from the API's index.</summary>
public static class SearchableTexts
{
    /// <summary>
    /// Folded the way the API documents: NFKC, lower case, katakana (ァ to ヶ, ヽ, ヾ) as hiragana. Not old character
    /// forms or other spellings: SpellingVariantTests gives those, so a query here holds neither.
    /// </summary>
    public static string Fold(string s) => string.Concat(s.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
        .Select(c => c is (>= 'ァ' and <= 'ヶ') or 'ヽ' or 'ヾ' ? (char)(c - ('ァ' - 'ぁ')) : c));

    /// <summary>Every searchable item's texts, English labels included, folded, keyed <c>type:id</c>.</summary>
    public static async Task<List<(string Key, string Text)>> FoldedAsync(HttpClient client)
    {
        static string English(JsonElement item) => item.GetProperty("en").Text("title") + "\n" + (item.GetProperty("en").NullableText("description") ?? "");
        var texts = new List<(string, string)>();
        texts.AddRange((await client.GetJsonAsync("/api/v1/goals?limit=200&lang=en")).Items().Select(g => ($"goal:{g.Text("id")}", Fold(g.Text("title") + "\n" + English(g)))));
        texts.AddRange((await client.GetJsonAsync("/api/v1/measures?limit=200&lang=en")).Items().Select(m => ($"measure:{m.Text("id")}", Fold(m.Text("title") + "\n" + English(m)))));
        texts.AddRange((await client.GetJsonAsync("/api/v1/sub-measures?limit=200&lang=en")).Items()
            .Select(s => ($"sub-measure:{s.Text("id")}", Fold(s.Text("title") + "\n" + s.Text("description") + "\n" + English(s)))));
        texts.AddRange((await client.GetJsonAsync("/api/v1/kpis?limit=200")).Items()
            .Select(k => ($"kpi:{k.Text("id")}", Fold(k.Text("name") + "\n" + k.Text("definition")))));
        return texts;
    }
}
