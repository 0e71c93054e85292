using System.Net;
using System.Text.Json;
using Kushiro.OpenData.Api.Search;

namespace Kushiro.OpenData.Api.Tests.Search;

/// <summary>
/// A word written several ways is found in each (子供 finds the plan's 子ども), and an old character form by its new one
/// (適応 finds 3-3-1's 適應): as README lists them.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class SpellingVariantTests(SharedApiFactory api)
{
    // The query, then every spelling README says it stands for; the expected results are the items whose texts hold
    // any of them, worked out from the lists.
    [Theory]
    [InlineData("子供", "子ども|子供|こども")]
    [InlineData("こども", "子ども|子供|こども")]
    [InlineData("障害者", "障がい者|障害者|障碍者")]
    [InlineData("障碍", "障がい|障害|障碍")]
    [InlineData("第二期", "第2期|第二期")]
    [InlineData("空き家", "空き家|空家")]
    [InlineData("受け入れ", "受け入れ|受入れ|受入")]
    [InlineData("取組", "取り組み|取組み|取組")]
    [InlineData("第2創業", "第二創業|第2創業")]
    [InlineData("2地域居住", "二地域居住|2地域居住")]
    public async Task AWordIsFoundInEachOfItsSpellings(string query, string spellings)
    {
        var texts = await SearchableTexts.FoldedAsync(api.CreateClient());
        var wanted = texts.Where(t => spellings.Split('|').Any(s => t.Text.Contains(s, StringComparison.Ordinal))).Select(t => t.Key).ToHashSet();
        var asWritten = texts.Count(t => t.Text.Contains(SearchableTexts.Fold(query), StringComparison.Ordinal));

        var found = (await SearchAsync(query)).Select(r => $"{r.Text("type")}:{r.Text("id")}").ToList();

        Assert.True(wanted.Count > asWritten, $"{query}: the source holds no other spelling, so the test shows nothing");
        Assert.Equal(wanted.Order(), found.Order());
    }

    // The mark covers the text's own spelling, however long: 受入 for 受け入れ, 空家 for 空き家.
    [Theory]
    [InlineData("受け入れ", "受入")]
    [InlineData("空き家", "空家")]
    [InlineData("子供", "子ども")]
    public async Task TheSnippetMarksTheSpellingTheTextUses(string query, string inText)
    {
        var results = await SearchAsync(query);
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Contains($"<mark>{inText}</mark>", r.Text("snippet")));
    }

    // A word scores the same in any spelling the query gives it: the same results, in the same order, with the same scores.
    [Theory]
    [InlineData("受入", "受け入れ")]
    [InlineData("子供", "子ども")]
    [InlineData("取組", "取り組み")]
    public async Task EachSpellingRanksTheSameResultsTheSameWay(string one, string other)
    {
        static string Ranking(List<JsonElement> results) => string.Join(", ", results.Select(r => $"{r.Text("id")}={r.GetProperty("score").GetDouble()}"));
        Assert.Equal(Ranking(await SearchAsync(one)), Ranking(await SearchAsync(other)));
    }

    // 3-3-1's description writes 適應, the old form of 応; either form finds it, and the snippet shows the source's.
    [Theory]
    [InlineData("適応")]
    [InlineData("適應")]
    public async Task OldAndNewCharacterFormsFindEachOther(string query)
    {
        var result = Assert.Single(await SearchAsync(query));
        Assert.Equal("3-3-1", result.Text("id"));
        Assert.Contains("<mark>適應</mark>", result.Text("snippet"));
    }

    // One spelling inside another (受入 at the start of 受入れ) is one occurrence, not two; no searched text has 受入れ.
    [Theory]
    [InlineData("受入")]
    [InlineData("受入れ")]
    [InlineData("受け入れ")]
    public void OneSpellingInsideAnotherCountsOnce(string query)
    {
        var index = new SearchIndex([new SearchDocument("sub-measure", "9-9-9", "留学生の受入れ体制", [new SearchField("title", "留学生の受入れ体制", 3)])]);
        Assert.Equal(3, Assert.Single(index.Find(SearchText.Terms(query))).Score);
    }

    // Every old form finds its new form and the new form the old, in any text: the table folds each to one character.
    [Fact]
    public void EachOldFormAndItsNewFormFindEachOther()
    {
        Assert.True(OldCharacterForms.NewFormOf.Count > 300);
        Assert.All(OldCharacterForms.NewFormOf, pair =>
        {
            Assert.NotEqual(pair.Key, pair.Value);
            Assert.False(OldCharacterForms.NewFormOf.ContainsKey(pair.Value), $"{pair.Value} is itself an old form");
            var text = $"釧路の{pair.Key}と{pair.Value}";
            var index = new SearchIndex([new SearchDocument("goal", "9", text, [new SearchField("title", text, 1)])]);
            Assert.Equal(2, Assert.Single(index.Find(SearchText.Terms(pair.Value.ToString()))).Score);
            Assert.Equal(2, Assert.Single(index.Find(SearchText.Terms(pair.Key.ToString()))).Score);
        });
    }

    [Fact]
    public void ATermKeepsItsOwnSpellingFirstAndReadsTheLongestWord()
    {
        Assert.Equal(["受入れ", "受け入れ", "受入"], SpellingVariants.Of("受入れ"));
        Assert.Equal(["子供の", "子どもの", "こどもの"], SpellingVariants.Of("子供の"));
        Assert.Equal(["子育て"], SpellingVariants.Of("子育て"));
        // Part of a word is no word: 2地域 is not 二地域居住.
        Assert.Equal(["2地域"], SpellingVariants.Of("2地域"));
    }

    // Two variant words in one term: every combination, so a text in either spelling of each is found.
    [Fact]
    public void EachVariantWordOfATermIsSpelledEveryWay()
    {
        var spellings = SpellingVariants.Of("障害児と子供");
        Assert.Equal(9, spellings.Count);
        Assert.Contains("障がい児と子ども", spellings);
        Assert.Contains("障碍児とこども", spellings);
    }

    // Three variant words in one term are spelled every way; 100 of them would be 3^100 spellings: the first 64 are
    // searched, the query's own first.
    [Fact]
    public async Task AQueryOfManyVariantWordsIsAnsweredWithoutMultiplying()
    {
        Assert.Equal(27, SpellingVariants.Of("子供障害受入").Count);
        var query = string.Concat(Enumerable.Repeat("子供", SearchText.MaxQueryLength / 2));
        var spellings = SpellingVariants.Of(query);
        Assert.Equal(64, spellings.Count);
        Assert.Equal(query, spellings[0]);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(query))).StatusCode);
    }

    private async Task<List<JsonElement>> SearchAsync(string query) =>
        [.. (await api.CreateClient().GetJsonAsync("/api/v1/search?limit=200&q=" + Uri.EscapeDataString(query))).Items()];
}
