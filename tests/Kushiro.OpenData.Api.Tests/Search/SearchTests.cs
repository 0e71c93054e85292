using System.Net;
using System.Text;
using System.Text.Json;
using Kushiro.OpenData.Api.Search;

namespace Kushiro.OpenData.Api.Tests.Search;

/// <summary>Searches find what a reader of the texts expects: computed here from the REST lists, not from the index.</summary>
[Collection(ReadOnlyApi.Name)]
public sealed class SearchTests(SharedApiFactory api)
{
    [Theory]
    [InlineData("子育て")]
    [InlineData("医療")]
    [InlineData("観光")]
    [InlineData("ＭＩＣＥ")]
    [InlineData("医療 体制")]
    [InlineData("からまつ")]
    [InlineData("もの")]
    public async Task ASearchFindsExactlyTheItemsWhoseTextsContainEveryTerm(string query)
    {
        var expected = await SearchableTexts.FoldedAsync(api.CreateClient());
        var terms = SearchableTexts.Fold(query).Split(' ');
        var wanted = expected.Where(e => terms.All(t => e.Text.Contains(t, StringComparison.Ordinal))).Select(e => e.Key).ToHashSet();

        var found = await SearchAsync(query);
        Assert.NotEmpty(wanted);
        Assert.Equal(wanted.Order(), found.Select(r => $"{r.Text("type")}:{r.Text("id")}").Order());
    }

    // As README says: by score, then by kind (goals, measures, sub-measures, KPIs), then in document order within a
    // kind. (医療 finds measure 3-4 and sub-measure 3-2-1 with one score: the measure first.)
    [Theory]
    [InlineData("医療")]
    [InlineData("釧路")]
    [InlineData("人材")]
    public async Task ResultsWithOneScoreGoByKindThenDocumentOrder(string query)
    {
        var results = await SearchAsync(query);
        var kinds = new[] { "goal", "measure", "sub-measure", "kpi" };
        var order = new Dictionary<string, int>();
        foreach (var (kind, list) in new[] { ("goal", "goals"), ("measure", "measures"), ("sub-measure", "sub-measures"), ("kpi", "kpis") })
        {
            foreach (var item in (await api.CreateClient().GetJsonAsync($"/api/v1/{list}?limit=200")).Items())
            {
                order[$"{kind}:{item.Text("id")}"] = order.Count;
            }
        }
        var ranked = results.Select(r => (Score: r.GetProperty("score").GetInt32(), Kind: Array.IndexOf(kinds, r.Text("type")), At: order[$"{r.Text("type")}:{r.Text("id")}"])).ToList();

        Assert.True(ranked.Select(r => r.Score).Distinct().Count() < ranked.Count, $"{query}: no two results share a score");
        Assert.Equal(ranked.OrderByDescending(r => r.Score).ThenBy(r => r.Kind).ThenBy(r => r.At), ranked);
    }

    [Fact]
    public async Task TitleMatchesRankAboveMatchesOnlyInDescriptions()
    {
        var results = await SearchAsync("子育て");
        var titles = results.TakeWhile(r => r.Text("title").Contains("子育て", StringComparison.Ordinal)).Count();
        Assert.True(titles > 0);
        Assert.All(results.Skip(titles), r => Assert.DoesNotContain("子育て", r.Text("title"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullWidthLettersFindHalfWidthTextAndTheSnippetMarksIt()
    {
        var result = Assert.Single(await SearchAsync("ＭＩＣＥ"));
        Assert.Equal("1-6-1", result.Text("id"));
        Assert.Contains("<mark>MICE</mark>", result.Text("snippet"));
    }

    [Fact]
    public async Task NothingAbsurdIsFound()
    {
        Assert.Empty(await SearchAsync("宇宙開発"));
        Assert.Empty(await SearchAsync("子育て 石炭"));
    }

    [Fact]
    public async Task APercentSignItselfMayBeSearchedFor()
    {
        // %25FF is the text "%FF", escaped as it should be; only escapes that are not UTF-8 are refused.
        using var response = await api.CreateClient().GetAsync("/api/v1/search?q=%25FF");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheLengthLimitCountsCharactersNotUtf16Units()
    {
        // 𠮷 (as in 𠮷野家) is one character outside the BMP: 200 of them are 200 characters.
        var client = api.CreateClient();
        using var atTheLimit = await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("𠮷", 200))));
        using var overIt = await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("𠮷", 201))));

        Assert.Equal(HttpStatusCode.OK, atTheLimit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, overIt.StatusCode);
        Assert.Contains("\\\"q\\\" is longer than 200 characters", await overIt.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("?q=", "it is required, give a value")]
    [InlineData("?q=%E3%80%80", "only white space; it is required, give a value")] // an ideographic space only
    [InlineData("?limit=5", "Give something to search for")] // no q at all: the contract marks it required
    public async Task ABlankOrMissingQueryIsA400NamingQ(string query, string message)
    {
        using var response = await api.CreateClient().GetAsync($"/api/v1/search{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"q\"", problem);
        Assert.Contains(message, problem);
        Assert.DoesNotContain("leave the parameter out", problem);
    }

    [Fact]
    public async Task ResultsArePagedLikeEveryList()
    {
        var all = await SearchAsync("の");
        var client = api.CreateClient();
        var second = await client.GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString("の") + "&limit=5&offset=5");
        Assert.Equal(all.Count, second.GetProperty("total").GetInt32());
        Assert.Equal(all.Skip(5).Take(5).Select(r => r.Text("id")), second.Items().Select(r => r.Text("id")));
    }

    // The snippet had come from the field with the best single match: for 子育て 支援, 3-1-1's title, which has only 支援,
    // though its description has both, so the reader could not see why it matched.
    [Theory]
    [InlineData("子育て 支援")]
    [InlineData("医療 体制 整備")]
    public async Task WhereOneTextOfASubMeasureHoldsEveryTermItsSnippetMarksThemAll(string query)
    {
        static string Fold(string s) => s.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var terms = Fold(query).Split(' ');
        var oneTextHoldsAll = (await api.CreateClient().GetJsonAsync("/api/v1/sub-measures?limit=200")).Items()
            .Where(s => new[] { s.Text("title"), s.Text("description") }.Any(t => terms.All(Fold(t).Contains)))
            .Select(s => s.Text("id")).ToHashSet();

        var snippets = (await SearchAsync(query)).Where(r => r.Text("type") == "sub-measure" && oneTextHoldsAll.Contains(r.Text("id")))
            .ToDictionary(r => r.Text("id"), r => r.Text("snippet"));

        Assert.Equal(oneTextHoldsAll.Order(), snippets.Keys.Order());
        // Touching matches share one mark (子育て支援), so a term is looked for inside the marked texts.
        Assert.All(snippets, s =>
        {
            var marked = System.Text.RegularExpressions.Regex.Matches(Fold(s.Value), "<mark>(.*?)</mark>").Select(m => m.Groups[1].Value).ToList();
            Assert.All(terms, t => Assert.Contains(marked, m => m.Contains(t, StringComparison.Ordinal)));
        });
    }

    // English words are found from their start: "men" had found women and employment, "art" startups.
    [Theory]
    [InlineData("men")]
    [InlineData("art")]
    public async Task ALatinTermMatchesFromTheStartOfAWord(string query)
    {
        var texts = await SearchableTexts.FoldedAsync(api.CreateClient());
        var atWordStart = new System.Text.RegularExpressions.Regex($"(?<![a-z\u00DF-\u024F]){query}");
        var wanted = texts.Where(t => atWordStart.IsMatch(t.Text)).Select(t => t.Key).ToHashSet();

        var found = (await SearchAsync(query)).Select(r => $"{r.Text("type")}:{r.Text("id")}").ToList();

        Assert.Equal(wanted.Order(), found.Order());
        Assert.True(texts.Count(t => t.Text.Contains(query, StringComparison.Ordinal)) > wanted.Count, "no text has the term inside a word");
    }

    // NFKC leaves the hyphen (U+2010) and the minus sign (U+2212) apart from "-".
    [Theory]
    [InlineData("k\u2010biz")]
    [InlineData("k\u2212biz")]
    // An input method in kana mode types ー for the - key, full-width letters around it (ｋーｂｉｚ), or half-width ｰ.
    [InlineData("\uFF4B\u30FC\uFF42\uFF49\uFF5A")]
    [InlineData("k\u30FCbiz")]
    [InlineData("k\uFF70biz")]
    public async Task HyphensAndTheMinusSignFindWhatTheAsciiHyphenFinds(string query)
    {
        var ascii = (await SearchAsync("k-biz")).Select(r => r.Text("id")).ToList();
        Assert.NotEmpty(ascii);
        Assert.Equal(ascii, (await SearchAsync(query)).Select(r => r.Text("id")));
    }

    // A query spelled as people type it finds what the text's own spelling finds, ranked and marked alike on the text as
    // written. A full-width minus (U+FF0D) is a common slip of the input method for ー, and the bars look alike: right
    // after katakana they are read as ー. And Japanese writes many plants and everyday words in katakana or in hiragana:
    // hiragana finds the katakana the source uses.
    [Theory]
    [InlineData("エネルギ\uFF0D", "エネルギー")]
    [InlineData("エネルギ\u2015", "エネルギー")]
    [InlineData("エネルギ\u2212", "エネルギー")]
    [InlineData("ﾈｯﾄﾜ\uFF0Dｸ", "ネットワーク")]
    [InlineData("からまつ", "カラマツ")]
    [InlineData("ひのき", "ヒノキ")]
    [InlineData("ねっとわーく", "ネットワーク")]
    [InlineData("ぷろもーしょん", "プロモーション")]
    [InlineData("えねるぎ\uFF0D", "エネルギー")] // both at once
    public async Task AQueryFindsWhatTheWrittenSpellingFinds(string query, string written)
    {
        var wanted = await SearchAsync(written);
        var found = await SearchAsync(query);

        Assert.NotEmpty(wanted);
        Assert.Equal(wanted.Select(r => r.Text("id")), found.Select(r => r.Text("id")));
        Assert.Equal(wanted.Select(r => r.Text("snippet")), found.Select(r => r.Text("snippet")));
        Assert.All(found, r => Assert.Contains($"<mark>{written}</mark>", r.Text("snippet"), StringComparison.Ordinal));
    }

    // Text copied from a spreadsheet or the source document's columns holds tabs and line breaks: white space. Other
    // control characters are still refused.
    [Theory]
    [InlineData("医療%09体制", HttpStatusCode.OK)]
    [InlineData("医療%0D%0A体制", HttpStatusCode.OK)]
    [InlineData("医療%0B体制", HttpStatusCode.BadRequest)]
    [InlineData("医療%00体制", HttpStatusCode.BadRequest)]
    public async Task TabsAndLineBreaksSeparateTermsAsSpacesDo(string escaped, HttpStatusCode status)
    {
        using var response = await api.CreateClient().GetAsync("/api/v1/search?limit=200&q=" + escaped.Replace("医療", "%E5%8C%BB%E7%99%82").Replace("体制", "%E4%BD%93%E5%88%B6"));

        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.BadRequest)
        {
            Assert.Contains("\\\"q\\\" contains a control character other than a tab or a line break.", await response.Content.ReadAsStringAsync());
        }
        else
        {
            var spaced = (await SearchAsync("医療 体制")).Select(r => r.Text("id")).ToList();
            Assert.NotEmpty(spaced);
            Assert.Equal(spaced, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Items().Select(r => r.Text("id")));
        }
    }

    // 、 alone had found 50 items, each with every comma marked, and ー alone about 20. Beside a word, a term of
    // punctuation or dashes alone is dropped.
    [Theory]
    [InlineData("、 ・")]
    [InlineData("ー")]
    [InlineData("ｰ -- ―")]
    public async Task PunctuationOrDashesAloneAreNoTermToSearchFor(string query)
    {
        using var alone = await api.CreateClient().GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        Assert.Contains("\\\"q\\\" holds only punctuation or dashes", await alone.Content.ReadAsStringAsync());

        var word = (await SearchAsync("医療")).Select(r => r.Text("snippet")).ToList();
        Assert.NotEmpty(word);
        Assert.Equal(word, (await SearchAsync("医療 、 ー")).Select(r => r.Text("snippet")));
    }

    // Phones and Macs type curly quotes for ' (women’s), which NFKC leaves apart; the labels are written with '.
    [Theory]
    [InlineData("kushiro\u2019s", "kushiro's")]
    [InlineData("women\u2019s", "women's")]
    [InlineData("kushiro\u02BCs", "kushiro's")]
    public async Task CurlyApostrophesFindWhatTheAsciiApostropheFinds(string query, string ascii)
    {
        var wanted = (await SearchAsync(ascii)).Select(r => r.Text("id")).ToList();
        Assert.NotEmpty(wanted);
        Assert.Equal(wanted, (await SearchAsync(query)).Select(r => r.Text("id")));
    }

    [Fact]
    public async Task EnglishAsksAddTheEnglishOfEachGoalMeasureAndSubMeasureFound()
    {
        // Search results are those items: lang=en adds their English as on their own answers, and says so in
        // Content-Language. A KPI has no English, so it has none here either.
        var client = api.CreateClient();
        var response = await client.GetAsync("/api/v1/search?limit=200&lang=en&q=" + Uri.EscapeDataString("人口"));
        var results = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["en"], response.Content.Headers.ContentLanguage);
        Assert.Contains(results, r => r.Text("type") == "kpi");
        foreach (var result in results)
        {
            var path = result.GetProperty("links").Text("self");
            if (result.Text("type") == "kpi")
            {
                Assert.False(result.TryGetProperty("en", out _), path);
                continue;
            }
            var item = await client.GetJsonAsync(path + "?lang=en");
            Assert.Equal(item.GetProperty("en").GetRawText(), result.GetProperty("en").GetRawText());
        }
        Assert.All(await SearchAsync("人口"), r => Assert.False(r.TryGetProperty("en", out _)));
    }

    private async Task<List<JsonElement>> SearchAsync(string query) =>
        [.. (await api.CreateClient().GetJsonAsync("/api/v1/search?limit=200&q=" + Uri.EscapeDataString(query))).Items()];

    [Fact]
    public async Task ThemeFiltersCombineWithSearch()
    {
        var client = api.CreateClient();
        var underSdg3 = (await client.GetJsonAsync("/api/v1/sub-measures?limit=200&theme=sdgs:3")).Items().Select(s => s.Text("id")).ToHashSet();
        var all = await SearchAsync("医療");
        var filtered = (await client.GetJsonAsync("/api/v1/search?limit=200&theme=sdgs:3&q=" + Uri.EscapeDataString("医療"))).Items().ToList();

        Assert.Equal(
            all.Where(r => r.Text("type") == "sub-measure" && underSdg3.Contains(r.Text("id"))).Select(r => r.Text("id")),
            filtered.Where(r => r.Text("type") == "sub-measure").Select(r => r.Text("id")));
        Assert.True(filtered.Count < all.Count);
    }
}
