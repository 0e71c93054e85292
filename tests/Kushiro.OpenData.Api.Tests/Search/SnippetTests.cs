using Kushiro.OpenData.Api.Search;

namespace Kushiro.OpenData.Api.Tests.Search;

/// <summary>Snippets mark exactly the matched text, whatever NFKC does to the characters around it.</summary>
public sealed class SnippetTests
{
    [Fact]
    public void CharactersThatNfkcLengthensDoNotShiftTheMark()
    {
        var snippet = SearchText.Snippet("漁場の面積（㎡）と㍻の水産資源の維持", SearchText.Terms("水産資源"));
        Assert.Contains("<mark>水産資源</mark>", snippet);
    }

    // Half-width katakana carry their voiced sound marks as separate characters (ﾃﾞ), which NFKC joins (デ); so does
    // a combining mark (か + U+3099 → が). The mark covers the original characters, both of them.
    [Theory]
    [InlineData("ﾃﾞｰﾀ活用の市場規模", "データ", "<mark>ﾃﾞｰﾀ</mark>活用の市場規模")]
    [InlineData("ｶﾞｽ料金とﾊﾟﾝの価格", "パン", "ｶﾞｽ料金と<mark>ﾊﾟﾝ</mark>の価格")]
    [InlineData("ｶﾞｽ料金とﾊﾟﾝの価格", "ｶﾞｽ", "<mark>ｶﾞｽ</mark>料金とﾊﾟﾝの価格")]
    [InlineData("か\u3099いこく人", "がいこく", "<mark>か\u3099いこく</mark>人")]
    [InlineData("漁場面積㎡ｶﾞ", "ガ", "漁場面積㎡<mark>ｶﾞ</mark>")]
    public void AMatchNfkcMakesAcrossCharactersMarksThemAll(string text, string query, string expected)
    {
        Assert.Equal(expected, SearchText.Snippet(text, SearchText.Terms(query)));
    }

    // The window goes where the most of the terms show: it had started at the first Kushiro and ended before Kizuna.
    [Fact]
    public void TheWindowShowsEveryTermWhereOneStretchHoldsThemAll()
    {
        var text = "Kushiro " + new string('x', 100) + " the Kushiro Forest Round Table's Kushiro Kizuna Project";
        var snippet = SearchText.Snippet(text, SearchText.Terms("kushiro kizuna"));
        Assert.Contains("<mark>Kizuna</mark>", snippet);
        Assert.Contains("<mark>Kushiro</mark>", snippet);
    }

    // A Latin term matches from a word start; a match refused mid-word must not hide one that overlaps it.
    [Theory]
    [InlineData("women and men", "men", "women and <mark>men</mark>")]
    [InlineData("施策21-1-1へ", "1-1", "施策21-<mark>1-1</mark>へ")]
    [InlineData("señmen and men", "men", "se&#241;men and <mark>men</mark>")]
    [InlineData("面積1000㎡", "㎡", "面積1000<mark>㎡</mark>")] // ㎡ folds to m2, which follows a digit
    [InlineData("5G回線", "g", "5<mark>G</mark>回線")]
    [InlineData("12040年と2040年", "2040", "12040年と<mark>2040</mark>年")]
    public void ALatinTermIsMarkedOnlyFromAWordStart(string text, string query, string expected)
    {
        Assert.Equal(expected, SearchText.Snippet(text, SearchText.Terms(query)));
    }

    // The window had dropped the mark of a match it cut, showing it part-way and unmarked: now shown whole where that
    // takes a few characters more, and marked as far as it shows where it would take many.
    [Fact]
    public void AMatchTheWindowCutsIsMarkedAsFarAsItShows()
    {
        var snippet = SearchText.Snippet(new string('の', 70) + string.Concat(Enumerable.Repeat("子育て", 30)), SearchText.Terms("子育て"));
        Assert.Contains("<mark>", snippet);
        Assert.DoesNotContain("子育て", System.Text.RegularExpressions.Regex.Replace(snippet, "<mark>.*?</mark>", ""));
    }

    // An English word at the window's edge is shown whole: "…ilding a stay-based tourism … Kushir…" read as noise.
    [Theory]
    [InlineData(40)]
    [InlineData(50)]
    [InlineData(60)]
    [InlineData(80)]
    public void TheWindowsEdgesDoNotCutAnEnglishWord(int width)
    {
        var text = "Promotes building a stay-based tourism destination with the residents, businesses and the City of Kushiro together, "
            + "making use of the wetland and the lakes.";
        var snippet = SearchText.Snippet(text, SearchText.Terms("tourism"), width);
        var shown = snippet.Replace("<mark>", "").Replace("</mark>", "").Trim('…');
        Assert.Contains(shown, text);
        var at = text.IndexOf(shown, StringComparison.Ordinal);
        var end = at + shown.Length;
        Assert.False(at > 0 && char.IsLetter(text[at - 1]) && char.IsLetter(text[at]), $"starts inside a word: {snippet}");
        Assert.False(end < text.Length && char.IsLetter(text[end - 1]) && char.IsLetter(text[end]), $"ends inside a word: {snippet}");
        Assert.Contains("<mark>tourism</mark>", snippet);
    }

    // Nor one joined by an apostrophe or hyphen, nor a letter from its combining accent.
    [Theory]
    [InlineData("Kushiro's strengths as a city of culture and nature support tourism", "tourism")]
    [InlineData("Building a stay-based tourism destination with residents", "destination")]
    [InlineData("The cafe\u0301 owners and the tourism office work together", "tourism")]
    [InlineData("The population of 5,123,456 people and 13.5 percent of tourism workers", "tourism")]
    [InlineData("Tourism after COVID\u201119 and the recovery of Việt Nam and Hokkaidō, a recovery of visitors", "tourism")]
    [InlineData("Tourism recovery plans and the visitors of COVID\u201119 times and after", "tourism")]
    public void TheWindowsEdgesKeepJoinedWordsAndAccentsWhole(string text, string query)
    {
        for (var width = 40; width <= 80; width++)
        {
            var snippet = SearchText.Snippet(text, SearchText.Terms(query), width);
            var shown = System.Net.WebUtility.HtmlDecode(snippet.Replace("<mark>", "").Replace("</mark>", "")).Trim('…');
            var at = text.IndexOf(shown, StringComparison.Ordinal);
            var end = at + shown.Length;
            Assert.True(at >= 0, snippet);
            Assert.False(CutsAWord(text, at), $"starts inside a word: {snippet}");
            Assert.False(CutsAWord(text, end), $"ends inside a word: {snippet}");
        }
    }

    // Between two word characters (letters, digits, their marks), or beside a joiner (', -, a digit's comma) that
    // stands between two.
    private static bool CutsAWord(string text, int at)
    {
        bool Word(int i) => i >= 0 && i < text.Length
            && (char.IsLetterOrDigit(text[i]) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark);
        bool Joiner(int i) => i >= 0 && i < text.Length && !Word(i) && !char.IsWhiteSpace(text[i]);
        return at > 0 && at < text.Length
            && ((Word(at - 1) && Word(at)) || (Joiner(at) && Word(at - 1) && Word(at + 1)) || (Joiner(at - 1) && Word(at - 2) && Word(at)));
    }

    // The window's end falls inside café (decomposed: e + U+0301): moving it to the word's end must not stop between
    // the letter and its accent.
    [Fact]
    public void AWordEdgeNeverCutsAnAccentFromItsLetter()
    {
        var text = "tourism office near the lake and the  cafe\u0301 owners of the town";
        Assert.Equal('f', text[40]);
        var snippet = SearchText.Snippet(text, SearchText.Terms("tourism"), width: 40);
        Assert.Contains("cafe\u0301", snippet);
    }

    // A Japanese number is kept whole too: full-width digits, and 万 between digits (１３万８，０００人 had shown as
    // …３万８，０００人, which reads as 38,000; 13万8,000人 as …8,000人).
    [Theory]
    [InlineData("１３万８，０００")]
    [InlineData("13万8,000")]
    [InlineData("１２．５")]
    public void TheWindowsEdgesKeepAJapaneseNumberWhole(string number)
    {
        var text = "将来の人口の見通しでは、二〇四〇年の人口を" + number + "人と見込み、減少を緩やかにするために子育て支援と移住の促進に取り組む。";
        var at = text.IndexOf(number, StringComparison.Ordinal);
        for (var width = 20; width <= 60; width++)
        {
            var snippet = SearchText.Snippet(text, SearchText.Terms("子育て"), width);
            var shown = snippet.Replace("<mark>", "").Replace("</mark>", "").Trim('…');
            var start = text.IndexOf(shown, StringComparison.Ordinal);
            var end = start + shown.Length;
            Assert.False(start > at && start < at + number.Length, $"starts inside {number}: {snippet}");
            Assert.False(end > at && end < at + number.Length, $"ends inside {number}: {snippet}");
        }
    }

    // A katakana loanword is a word too: …ングや (from マーケティング) and ネッ… (from ネットワーク) read as noise.
    [Theory]
    [InlineData("マーケティング")]
    [InlineData("ネットワーク")]
    [InlineData("ﾈｯﾄﾜｰｸ")]
    public void TheWindowsEdgesKeepAKatakanaWordWhole(string word)
    {
        var text = "地域の強みを活かし、観光客の誘致に向けて" + word + "を行い、滞在型の観光を進めるとともに、交通の" + word + "を整える。";
        // From the width whose quarter reaches across the word, as for an English word.
        for (var width = 4 * word.Length; width <= 80; width++)
        {
            var snippet = SearchText.Snippet(text, SearchText.Terms("滞在型"), width);
            var shown = snippet.Replace("<mark>", "").Replace("</mark>", "").Trim('…');
            var start = text.IndexOf(shown, StringComparison.Ordinal);
            var end = start + shown.Length;
            foreach (var at in new[] { text.IndexOf(word, StringComparison.Ordinal), text.LastIndexOf(word, StringComparison.Ordinal) })
            {
                Assert.False(start > at && start < at + word.Length, $"starts inside {word}: {snippet}");
                Assert.False(end > at && end < at + word.Length, $"ends inside {word}: {snippet}");
            }
        }
    }

    // A dash after katakana is read as ー, in the query and in the text alike (the text's folded without its
    // neighbour, piece by piece, then again as a whole): the mark covers the text as written.
    [Theory]
    [InlineData("石炭エネルギーの活用", "エネルギ\uFF0D", "石炭<mark>エネルギー</mark>の活用")]
    [InlineData("ｴﾈﾙｷﾞｰの活用", "エネルギ\u2015", "<mark>ｴﾈﾙｷﾞｰ</mark>の活用")]
    [InlineData("石炭エネルギ\uFF0Dの活用", "エネルギー", "石炭<mark>エネルギ\uFF0D</mark>の活用")]
    [InlineData("石炭エネルギ\u2212\u2212の活用", "エネルギー", "石炭<mark>エネルギ\u2212</mark>\u2212の活用")]
    // Between Latin letters or digits, ー is read as a hyphen; elsewhere it stays the long vowel mark.
    [InlineData("釧路市ビジネスサポートセンターk-Bizの支援", "ｋーｂｉｚ", "釧路市ビジネスサポートセンター<mark>k-Biz</mark>の支援")]
    [InlineData("釧路市ビジネスサポートセンターk-Bizの支援", "センターk", "釧路市ビジネスサポート<mark>センターk</mark>-Bizの支援")]
    public void ADashReadByItsNeighboursIsMarkedOnTheTextAsWritten(string text, string query, string expected) =>
        Assert.Equal(expected, SearchText.Snippet(text, SearchText.Terms(query)));

    // Katakana and hiragana match each other, and the mark covers the text as written, a dash read as ー after katakana
    // included (the dash rule reads the katakana before the text is folded to hiragana).
    [Theory]
    [InlineData("カラマツの植林", "からまつ", "<mark>カラマツ</mark>の植林")]
    [InlineData("さんまの水揚げ", "サンマ", "<mark>さんま</mark>の水揚げ")]
    [InlineData("ｻﾝﾏの水揚げ", "さんま", "<mark>ｻﾝﾏ</mark>の水揚げ")]
    [InlineData("石炭エネルギ\uFF0Dの活用", "えねるぎー", "石炭<mark>エネルギ\uFF0D</mark>の活用")]
    [InlineData("石炭エネルギーの活用", "えねるぎ\uFF0D", "石炭<mark>エネルギー</mark>の活用")]
    [InlineData("ヴァイオリン教室", "ゔぁいおりん", "<mark>ヴァイオリン</mark>教室")]
    [InlineData("いすゞ自動車", "イスヾ", "<mark>いすゞ</mark>自動車")]
    public void KatakanaAndHiraganaAreMarkedOnTheTextAsWritten(string text, string query, string expected) =>
        Assert.Equal(expected, SearchText.Snippet(text, SearchText.Terms(query)));

    // Each katakana letter folds to its hiragana letter, the iteration marks too; what hiragana has no letter for stays,
    // and so do the middle dot, the long vowel mark and the double hyphen.
    [Fact]
    public void KatakanaFoldToTheirHiraganaLettersAndTheRestStays() =>
        Assert.Equal("ぁあゔゕゖゝゞヷヸヹヺ・ー゠ㇰ", SearchText.Fold("ァアヴヵヶヽヾヷヸヹヺ・ー゠ㇰ"));

    // A variation selector chooses a glyph, not a word: a place name written with one (葛󠄀) is found by the kanji
    // alone, marked with its selector, and text a selector was slipped into by the word without it.
    [Theory]
    [InlineData("葛\U000E0100城市の観光", "葛城", "<mark>葛&#917760;城</mark>市の観光")] // HTML-escaped, as every character beyond the BMP
    [InlineData("漁獲量\uFE0F調査", "漁獲量調査", "<mark>漁獲量\uFE0F調査</mark>")]
    [InlineData("漁獲量調査", "漁獲量\u034F調査", "<mark>漁獲量調査</mark>")]
    [InlineData("漁獲量調査", "漁獲量\U000E0020調査", "<mark>漁獲量調査</mark>")] // a tag character: formatting, beyond the BMP
    public void VariationSelectorsAndWhatShowsNothingDoNotSplitATerm(string text, string query, string expected) =>
        Assert.Equal(expected, SearchText.Snippet(text, SearchText.Terms(query)));

    // A word longer than a quarter of the width is still cut, so the snippet keeps about its width.
    [Fact]
    public void AVeryLongWordAtTheEdgeIsStillCut()
    {
        var snippet = SearchText.Snippet("tourism " + new string('a', 200), SearchText.Terms("tourism"), width: 40);
        Assert.True(snippet.Length < 80, $"{snippet.Length} characters");
    }

    // Shown whole, a run of one term (one merged match) had made the snippet the whole text: 17,495 characters.
    [Fact]
    public void ASnippetStaysAboutItsWidthWhateverTheMatches()
    {
        var snippet = SearchText.Snippet("前" + new string('ぬ', 2000), SearchText.Terms("ぬ"));
        Assert.StartsWith("前<mark>ぬ", snippet);
        Assert.True(snippet.Length < 150, $"{snippet.Length} characters");
    }

    // An edge never splits a character: half a surrogate pair became U+FFFD, a combining mark lost its letter, and an
    // emoji its skin tone or the rest of its ZWJ sequence, a flag its second half, a Hangul syllable its last jamo.
    [Theory]
    [InlineData("x", "😀", "🍣")]
    [InlineData("xy", "é", "a\u0301")]
    [InlineData("x", "子", "👍🏽")]
    [InlineData("x", "子", "👨\u200D👩\u200D👧")]
    [InlineData("x", "子", "🇯🇵")]
    [InlineData("xy", "子", "\u1112\u1161\u11AB")]
    public void TheWindowsEdgesDoNotSplitACharacter(string prefix, string query, string filler)
    {
        // Leads of four lengths, so that the window's end falls at every place within the filler.
        foreach (var lead in new[] { "", "x", "xy", "xyz" })
        {
            var snippet = SearchText.Snippet(lead + prefix + query + string.Concat(Enumerable.Repeat(filler, 100)), SearchText.Terms(query));
            var shown = System.Net.WebUtility.HtmlDecode(snippet.Replace("<mark>", "").Replace("</mark>", "")).TrimEnd('…');

            Assert.DoesNotContain('\uFFFD', shown);
            Assert.False(char.IsHighSurrogate(shown[^1]), "ends in half a surrogate pair");
            Assert.True(shown.EndsWith(filler, StringComparison.Ordinal), $"ends in the middle of {filler}: {shown[^3..]}");
        }
    }

    // The same at the window's start, where a flag's halves pair up counting from the start of the text.
    [Theory]
    [InlineData("👍🏽")]
    [InlineData("👨\u200D👩\u200D👧")]
    [InlineData("🇯🇵")]
    [InlineData("\u1112\u1161\u11AB")]
    [InlineData("a\u0301\u0302")]
    public void TheWindowsStartDoesNotSplitACharacter(string filler)
    {
        foreach (var lead in new[] { "", "x", "xy", "xyz" })
        {
            var snippet = SearchText.Snippet(lead + string.Concat(Enumerable.Repeat(filler, 100)) + "子育て", SearchText.Terms("子育て"));
            var shown = System.Net.WebUtility.HtmlDecode(snippet.Replace("<mark>", "").Replace("</mark>", "")).TrimStart('…');

            Assert.True(shown.StartsWith(filler, StringComparison.Ordinal), $"starts in the middle of {filler}: {shown[..4]}");
        }
    }

    // A mark covers whole user-perceived characters: 👩 inside a family emoji marked half of its ZWJ sequence (it is no
    // match there now), and a Hangul syllable written as jamo, which the index finds (NFKC composes it), was not marked.
    [Theory]
    [InlineData("x👨\u200D👩\u200D👧y", "👨\u200D👩\u200D👧", "x<mark>👨\u200D👩\u200D👧</mark>y")]
    [InlineData("x👨\u200D👩\u200D👧y", "👩", "x👨\u200D👩\u200D👧y")]
    [InlineData("前\u1112\u1161\u11AB後", "한", "前<mark>\u1112\u1161\u11AB</mark>後")]
    public void AMarkCoversWholeCharacters(string text, string query, string expected) =>
        Assert.Equal(expected, System.Net.WebUtility.HtmlDecode(SearchText.Snippet(text, SearchText.Terms(query))));

    // A match begins and ends between user-perceived characters: 🇵🇰 (Pakistan) had been found in 🇯🇵🇰🇷 (Japan,
    // Korea), straddling the two flags, and a skin tone alone in 👍🏽. Japanese text takes the fast path.
    [Theory]
    [InlineData("🇯🇵🇰🇷", "🇵🇰", new int[0])]
    [InlineData("🇯🇵🇰🇷", "🇰🇷", new[] { 4 })]
    [InlineData("x🇯🇵🇰🇷", "🇯🇵", new[] { 1 })]
    [InlineData("👍🏽", "🏽", new int[0])]
    [InlineData("👍🏽", "👍", new int[0])]
    [InlineData("👍🏽👍", "👍", new[] { 4 })]
    // A ZWJ sequence is one character: the zero-width joiner is kept when folding, which drops other invisible ones.
    [InlineData("家族👩\u200D👩\u200D👧\u200D👦と👧", "👧", new[] { 14 })]
    [InlineData("開発者👨\u200D💻", "💻", new int[0])]
    [InlineData("開発者👨\u200D💻", "👨\u200D💻", new[] { 3 })]
    [InlineData("\u1112\u1161\u11AB\u1100", "\u1112\u1161", new int[0])] // 하 inside 한, as jamo
    [InlineData("働きながら子育て", "子育て", new[] { 5 })]
    [InlineData("か\u3099ん", "か", new int[0])] // NFKC makes it が
    public void AMatchBeginsAndEndsBetweenCharacters(string text, string query, int[] expected) =>
        Assert.Equal(expected, SearchText.Occurrences(SearchText.Fold(text), SearchText.Terms(query).Single()));

    // Only the voiced sound mark matches: it cannot be marked without the letter it belongs to.
    [Fact]
    public void AMarkIsNeverSplitFromItsLetter()
    {
        var snippet = SearchText.Snippet("ﾃﾞｰﾀ", SearchText.Terms("ﾞ"));
        Assert.DoesNotContain("<mark>ﾞ</mark>", snippet);
    }

    // A match far into a long text is inside the window, not cut off after a window from the start.
    [Fact]
    public void AJoinedMatchFarIntoTheTextIsInTheWindow()
    {
        var snippet = SearchText.Snippet(new string('前', 200) + "ﾃﾞｰﾀ" + new string('後', 200), SearchText.Terms("データ"));
        Assert.Contains("<mark>ﾃﾞｰﾀ</mark>", snippet);
    }

    [Fact]
    public void OverlappingTermsBecomeOneMark()
    {
        var snippet = SearchText.Snippet("広域的な医療体制の充実", SearchText.Terms("医療体 療体制"));
        Assert.Contains("<mark>医療体制</mark>", snippet);
    }

    [Fact]
    public void AMatchLongerThanTheWindowIsShownAndMarkedWhole()
    {
        var phrase = new string('あ', 100);
        var snippet = SearchText.Snippet("前置き" + phrase + "後書き", SearchText.Terms(phrase));
        Assert.Contains($"<mark>{phrase}</mark>", snippet);
    }

    [Fact]
    public void TextAroundMarksIsHtmlEscaped()
    {
        var snippet = SearchText.Snippet("<b>観光</b> & 交流", SearchText.Terms("観光"));
        Assert.Equal("&lt;b&gt;<mark>観光</mark>&lt;/b&gt; &amp; 交流", snippet);
    }

    [Fact]
    public void InvisibleCharactersInTheQueryAreIgnored()
    {
        Assert.Equal(SearchText.Terms("医療"), SearchText.Terms("\uFEFF医\u200B療"));
    }
}
