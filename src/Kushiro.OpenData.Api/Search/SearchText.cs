using System.Globalization;
using System.Text;

namespace Kushiro.OpenData.Api.Search;

/// <summary>
/// Text as the index compares it: NFKC (so full-width ＭＩＣＥ and half-width ｶﾀｶﾅ match their usual forms), then
/// lower case and old character forms as new ones (應 as 応, OldCharacterForms.cs), then katakana as hiragana; a term
/// also matches its other spellings (SpellingVariants.cs). Japanese has no spaces between words, so matching is by substring, found
/// through a bigram index.
/// </summary>
public static partial class SearchText
{
    public const int MaxQueryLength = 200;

    /// <summary>Why an absent or blank query cannot be run; REST also says it when <c>q</c> is left out.</summary>
    public const string NothingToSearchFor = "Give something to search for in \"q\", e.g. 子育て.";

    /// <summary>
    /// A query's terms, or why it cannot be run (blank, too long, punctuation alone): one rule for REST and GraphQL,
    /// whose messages name the argument, <c>q</c> ("the query" would read as the GraphQL document).
    /// </summary>
    public static (IReadOnlyList<string> Terms, string? Error) ParseQuery(string? query)
    {
        // A lone surrogate (possible in a GraphQL string, not in a URL) is no text to fold.
        if (query is not null && !IsText(query))
        {
            return ([], "\"q\" is not valid Unicode text (it has a lone surrogate).");
        }
        // As REST refuses them in any parameter (Http/RequestContractFilter.cs): GraphQL strings can escape them. Tabs
        // and line breaks are white space that separates terms: text copied from a spreadsheet or the source's columns.
        if (query is not null && query.Any(Data.TextRules.IsRefusedInFreeText))
        {
            return ([], Data.TextRules.RefusedInFreeText("\"q\""));
        }
        // Counted in characters (code points), as the error says: 𠮷 is one, though two UTF-16 units.
        if (query?.Length > MaxQueryLength && query.EnumerateRunes().Count() > MaxQueryLength)
        {
            return ([], $"\"q\" is longer than {MaxQueryLength} characters.");
        }
        var terms = query is null ? [] : Terms(query);
        if (terms.Count == 0)
        {
            return ([], NothingToSearchFor);
        }
        // A term of punctuation or dashes alone (、, ・, ー) would find every sentence with one and mark each: no word
        // was asked for.
        var words = terms.Where(t => !t.All(c => char.IsPunctuation(c) || c == 'ー' || Dashes.Contains(c))).ToList();
        return words.Count == 0 ? ([], "\"q\" holds only punctuation or dashes (ー too): give a word to search for, e.g. 子育て.") : (words, null);
    }

    private static bool IsText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    public static string Fold(string text) => AsHiragana(FoldKeepingKatakana(text));

    // Fold without its last step, for a snippet's pieces: a piece is folded without its neighbour, so the dash rule
    // runs again over the whole text (SearchText.Snippets.cs), and it reads katakana, the last step's input.
    private static string FoldKeepingKatakana(string text)
    {
        var folded = OldCharacterForms.Folded(text.Normalize(NormalizationForm.FormKC).ToLowerInvariant());
        // Hyphens and the minus sign as ASCII: k‐Biz (U+2010) and k−Biz (U+2212) are written for k-Biz, which NFKC
        // leaves apart; so are curly quotes, which phones and Macs type for ' and " (women’s for women's). One
        // character each, so a snippet's marks stay in place. Not ー or the long dashes of Japanese, nor 「」.
        if (folded.AsSpan().IndexOfAny(LookAlikes) >= 0)
        {
            folded = string.Create(folded.Length, folded, (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = AsAscii(source[i]);
                }
            });
        }
        return DashesReadByTheirNeighbours(WithoutIgnorables(folded));
    }

    /// <summary>
    /// The text without what shows nothing: invisible format characters (BOM, zero-width space) pasted along with
    /// text, never meant, and what the store refuses inside text (Data/TextRules.cs), should a query hold it. Not the
    /// zero-width joiner: it makes 👩‍👩‍👧‍👦 one character, in which 👧 alone is not to be found. And without variation
    /// selectors, which choose a glyph, not a word: 葛󠄀 (葛 and an ideographic variation selector, as place names are
    /// written) is found by 葛, and text a selector was slipped into (量 U+FE0F 調) by the word without it.
    /// </summary>
    private static string WithoutIgnorables(string folded)
    {
        // Most text has none of them, and no character beyond the Basic Multilingual Plane: nothing to rebuild.
        if (!folded.Any(c => char.IsSurrogate(c) || IsIgnorable(new Rune(c))))
        {
            return folded;
        }
        var kept = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            if (!IsIgnorable(rune))
            {
                kept.Append(rune.ToString());
            }
        }
        return kept.ToString();
    }

    private static bool IsIgnorable(Rune rune) =>
        (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format && rune.Value != 0x200D)
        || Data.TextRules.ShowsNothing(rune)
        || rune.Value is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    /// <summary>
    /// A dash read by its neighbours, one character for one so a snippet's marks stay in place; run over the whole
    /// folded text, since it looks at the neighbours. Right after kana, a dash is the long vowel mark ー: エネルギ－ (a
    /// full-width minus, a common slip of the input method) and エネルギ― find エネルギー, and so does えねるぎ－, since
    /// katakana and hiragana match each other. Between two Latin letters or digits, ー is a hyphen: an input method in
    /// kana mode types ー for the - key, so ｋーｂｉｚ is k-biz. Only there, where the other is not meant; the seed has
    /// neither.
    /// </summary>
    private static string DashesReadByTheirNeighbours(string folded)
    {
        if (folded.AsSpan().IndexOfAny(Dashes) < 0 && !folded.Contains('ー'))
        {
            return folded;
        }
        var text = folded.ToCharArray();
        for (var i = 1; i < text.Length; i++)
        {
            if (Dashes.Contains(text[i]) && (IsKatakana(text[i - 1]) || IsHiragana(text[i - 1])))
            {
                text[i] = 'ー';
            }
            else if (text[i] == 'ー' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i - 1]) && char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                text[i] = '-';
            }
        }
        return new string(text);
    }

    /// <summary>
    /// Katakana as hiragana, as case is folded for Latin letters: からまつ finds カラマツ, and サンマ finds さんま. Japanese
    /// writes many plants, fish and everyday words either way. One character for one, so a snippet's marks stay in
    /// place. Not ー, which both scripts share, nor ヷ to ヺ and the small katakana of Ainu (ㇰ, ㇱ), which hiragana has
    /// no letter for.
    /// </summary>
    private static string AsHiragana(string folded)
    {
        if (!folded.AsSpan().ContainsAnyInRange('\u30A1', '\u30FE'))
        {
            return folded;
        }
        return string.Create(folded.Length, folded, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                // ァ (U+30A1) to ヶ (U+30F6), and the iteration marks ヽ ヾ (U+30FD, U+30FE): 0x60 above their hiragana.
                span[i] = source[i] is (>= '\u30A1' and <= '\u30F6') or '\u30FD' or '\u30FE' ? (char)(source[i] - 0x60) : source[i];
            }
        });
    }

    // After NFKC and the look-alikes: - (from －, ‐, −, ﹣ and the like), the em and horizontal bars, box-drawing lines.
    private static readonly System.Buffers.SearchValues<char> Dashes = System.Buffers.SearchValues.Create("-\u2014\u2015\u2500\u2501");

    // Katakana letters and ー itself (so that a run of dashes becomes a run of marks), not the middle dot ・ (U+30FB),
    // which separates words. Half-width katakana are full-width after NFKC.
    private static bool IsKatakana(char c) => c is (>= '\u30A1' and <= '\u30FA') or 'ー';

    // Hiragana letters, ぁ (U+3041) to ゖ (U+3096): what katakana fold to.
    private static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u3096';

    /// <summary>The query's terms: folded, split at white space (full-width spaces too, after NFKC), duplicates dropped.</summary>
    public static IReadOnlyList<string> Terms(string query) =>
        [.. Fold(query).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="at"/> falls between two grapheme clusters of <paramref name="text"/> (UAX #29).</summary>
    private static bool OnClusterEdge(string text, int at) => ClusterAround(text, at).Start == at;

    /// <summary>
    /// The grapheme cluster (UAX #29, as .NET's StringInfo reads it) that <paramref name="at"/> falls inside, or
    /// (at, at) where it falls between two. Clusters are counted from the start of the text, because where a pair of
    /// regional indicators begins depends on what comes before.
    /// </summary>
    private static (int Start, int End) ClusterAround(string text, int at)
    {
        if (at <= 0 || at >= text.Length || (NeverJoins(text[at - 1]) && NeverJoins(text[at])))
        {
            return (at, at);
        }
        for (var start = 0; ; )
        {
            var next = start + StringInfo.GetNextTextElementLength(text, start);
            if (next > at)
            {
                return start == at ? (at, at) : (start, next);
            }
            start = next;
        }
    }

    // Characters no UAX #29 rule joins to a neighbour: Basic Latin and Latin-1 but CR (CR LF is one cluster), and kana,
    // CJK and their punctuation but the combining voiced sound marks and tone marks. Japanese text is all of these, so
    // the count from the start runs only beside emoji, combining marks, jamo and the like.
    private static bool NeverJoins(char c) =>
        (c < '\u0300' && c != '\r') || (c is >= '\u3000' and <= '\u9FFF' && c is not ('\u3099' or '\u309A' or (>= '\u302A' and <= '\u302F')));

    // Basic Latin to Latin Extended-B: enough for English, the romanised names here, and ñ or é beside them.
    private static bool IsLatinLetter(char c) => c <= '\u024F' && char.IsLetter(c);

    private static readonly System.Buffers.SearchValues<char> LookAlikes = System.Buffers.SearchValues.Create("\u2010\u2011\u2012\u2013\u2212\u2018\u2019\u201B\u02BC\u201C\u201D\u201F");

    private static char AsAscii(char c) => c switch
    {
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212' => '-',
        '\u2018' or '\u2019' or '\u201B' or '\u02BC' => '\'',
        '\u201C' or '\u201D' or '\u201F' => '"',
        _ => c,
    };

    /// <summary>
    /// How often a term occurs in folded text, in any of its spellings (<see cref="SpellingVariants.Of"/>); spellings
    /// that overlap in the text count once (受入 and 受入れ at the start of 受入れ).
    /// </summary>
    public static int CountOccurrences(string text, IReadOnlyList<string> spellings)
    {
        if (spellings.Count == 1)
        {
            return Occurrences(text, spellings[0]).Count();
        }
        var (count, end) = (0, 0);
        foreach (var (start, length) in spellings.SelectMany(s => Occurrences(text, s).Select(i => (i, s.Length))).OrderBy(m => m.i))
        {
            if (start >= end)
            {
                (count, end) = (count + 1, start + length);
            }
            else
            {
                end = Math.Max(end, start + length);
            }
        }
        return count;
    }

    /// <summary>
    /// Where a folded term occurs in folded text. A term that starts with a Latin letter must not follow one (men finds
    /// mentoring but not women, ñmen or employment; m2, from ㎡, still follows 1000), and one that starts with a digit
    /// must not follow a digit. Japanese has no word breaks, so its terms match anywhere. Either way a match begins and
    /// ends between user-perceived characters: 🇵🇰 (Pakistan) is not found in 🇯🇵🇰🇷 (Japan, Korea), nor 🏽 alone in 👍🏽.
    /// </summary>
    public static IEnumerable<int> Occurrences(string text, string term)
    {
        Func<char, bool>? continues = term.Length == 0 ? null : IsLatinLetter(term[0]) ? IsLatinLetter : char.IsAsciiDigit(term[0]) ? char.IsAsciiDigit : null;
        for (var i = text.IndexOf(term, StringComparison.Ordinal); i >= 0;)
        {
            if ((continues is null || i == 0 || !continues(text[i - 1])) && OnClusterEdge(text, i) && OnClusterEdge(text, i + term.Length))
            {
                yield return i;
                i = text.IndexOf(term, i + Math.Max(1, term.Length), StringComparison.Ordinal);
            }
            else
            {
                // Not a word start, or inside a character: a match that overlaps it may be one (1-1 in 21-1-1 starts
                // after the first hyphen).
                i = text.IndexOf(term, i + 1, StringComparison.Ordinal);
            }
        }
    }

}
