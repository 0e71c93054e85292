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

    [Fact]
    public void AMatchNfkcMakesAcrossCharactersIsNeverMarkedWrongly()
    {
        var snippet = SearchText.Snippet("漁場面積㎡ｶﾞ", SearchText.Terms("ガ"));
        Assert.DoesNotContain("<mark>ﾞ</mark>", snippet);
        Assert.DoesNotContain("<mark>ｶ</mark>", snippet);
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
