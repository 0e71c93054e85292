using System.Globalization;
using System.Net;
using System.Text;

namespace Kushiro.OpenData.Api.Search;

/// <summary>A search result's snippet: the window around the matches, marked, on whole user-perceived characters.</summary>
public static partial class SearchText
{
    /// <summary>
    /// About <paramref name="width"/> characters of <paramref name="original"/> around the first match, every match
    /// wrapped in &lt;mark&gt;, the rest HTML-escaped so the snippet can be shown as HTML as it is. Matches are found
    /// in the text folded piece by piece, with each folded character mapped back to the original piece it came from,
    /// so a character NFKC lengthens or shortens (㎡, ㍻) or joins with its voiced sound mark (ﾃﾞ → デ, か + U+3099 → が)
    /// cannot shift a mark onto the wrong text.
    /// </summary>
    public static string Snippet(string original, IReadOnlyList<string> terms, int width = 80)
    {
        var (folded, origin) = FoldByPiece(original);
        var matches = terms.Distinct().SelectMany((t, n) => SpellingVariants.Of(t)
            .SelectMany(s => Occurrences(folded, s).Select(i => (Term: n, origin[i].Start, origin[i + s.Length - 1].End)))).ToList();
        var spans = Merge(matches.Select(m => (m.Start, m.End)));
        // The window is placed at the first match after which the most of the terms show, and shows it whole, however
        // long: "Kushiro … Kushiro Kizuna" shows Kizuna too, not the text between two Kushiros.
        (int Start, int End) first = (0, 0);
        if (matches.Count > 0)
        {
            var anchor = matches.OrderBy(m => m.Start).MaxBy(m => TermsShownFrom(m.Start));
            first = (anchor.Start, anchor.End);
        }
        int TermsShownFrom(int at) => matches.Where(o => o.Start >= at && o.End <= at + width * 3 / 4).Select(o => o.Term).Distinct().Count();
        var start = Math.Max(0, Math.Min(first.Start - width / 4, original.Length - Math.Max(width, first.End - first.Start)));
        var end = Math.Min(original.Length, Math.Max(start + width, first.End));
        // A match the window cuts is shown whole where that takes a few characters more, and marked as far as it shows
        // where it would take many (a run of one term merges into one match as long as the text): it had lost its mark.
        foreach (var (s, e) in spans)
        {
            (start, end) = (s < start && e > start && start - s <= width / 4 ? s : start, s < end && e > end && e - end <= width / 4 ? e : end);
        }
        // An edge does not cut an English word or a number, where its start or end is at most a quarter of the width
        // away ("…ilding" read as noise, "…456人" as another number).
        (start, end) = (WordEdge(original, start, -1, width / 4), WordEdge(original, end, +1, width / 4));
        // And, with the last say, it never splits a user-perceived character: a surrogate pair, a letter and its
        // combining or voiced mark, an emoji and its skin tone or ZWJ sequence, a flag's two halves, a Hangul syllable's jamo.
        (start, end) = (ClusterAround(original, start).Start, Math.Max(end, ClusterAround(original, end).End));
        var text = new StringBuilder(start > 0 ? "…" : "");
        var at = start;
        foreach (var (s, e) in spans.Where(m => m.End > start && m.Start < end).Select(m => (Math.Max(m.Start, start), Math.Min(m.End, end))))
        {
            text.Append(WebUtility.HtmlEncode(original[at..s])).Append("<mark>").Append(WebUtility.HtmlEncode(original[s..e])).Append("</mark>");
            at = e;
        }
        text.Append(WebUtility.HtmlEncode(original[at..end]));
        return end < original.Length ? text.Append('…').ToString() : text.ToString();
    }

    // Where the word that `at` falls inside begins (step -1) or ends (step +1), if within `reach` characters; else `at`.
    private static int WordEdge(string text, int at, int step, int reach)
    {
        var edge = at;
        while (InsideAWord(text, edge) && Math.Abs(edge - at) <= reach)
        {
            edge += step;
        }
        return Math.Abs(edge - at) <= reach ? edge : at;
    }

    // Latin letters (Vietnamese's too, with their combining marks) and digits make a word, and so do an apostrophe or
    // hyphen between two of them (Kushiro's, stay-based, COVID‑19). A number is one too, in ASCII or full-width digits,
    // across a comma or point and a 万, 千, 億 or 兆 between its digits (5,123,456; 13.5; １３万８，０００): cut there,
    // it reads as another number. And a run of katakana, a loanword (…ングや from マーケティング, ネッ… from
    // ネットワーク read as noise); kanji and hiragana run on without word breaks, so a cut between them stays.
    private static bool InsideAWord(string text, int at)
    {
        static bool Letter(char c) => IsLatinLetter(c) || char.IsAsciiDigit(c)
            || (c is >= '\u1E00' and <= '\u1EFF' && char.IsLetter(c)) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
        static bool Joiner(char c) => c is '\'' or '\u2019' or '-' or '\u2010' or '\u2011';
        static bool DigitJoiner(char c) => c is ',' or '.' or '，' or '．' or '万' or '千' or '億' or '兆';
        static bool Digit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';
        bool LetterAt(int i) => i >= 0 && i < text.Length && Letter(text[i]);
        bool DigitAt(int i) => i >= 0 && i < text.Length && Digit(text[i]);
        // Half-width katakana with their voiced sound marks, and the combining marks of decomposed text (カ + U+3099).
        static bool Katakana(char c) => IsKatakana(c) || c is (>= '\uFF66' and <= '\uFF9F') or '\u3099' or '\u309A';
        if (at <= 0 || at >= text.Length)
        {
            return false;
        }
        return (LetterAt(at - 1) && LetterAt(at))
            || (DigitAt(at - 1) && DigitAt(at))
            || (Katakana(text[at - 1]) && Katakana(text[at]))
            || (Joiner(text[at]) && LetterAt(at - 1) && LetterAt(at + 1))
            || (Joiner(text[at - 1]) && LetterAt(at - 2) && LetterAt(at))
            || (DigitJoiner(text[at]) && DigitAt(at - 1) && DigitAt(at + 1))
            || (DigitJoiner(text[at - 1]) && DigitAt(at - 2) && DigitAt(at));
    }

    /// <summary>
    /// The text folded piece by piece, and for each folded character the original piece it came from. A piece is a
    /// user-perceived character (a UAX #29 grapheme cluster, as .NET's StringInfo reads it): a letter with its combining
    /// marks (か + U+3099) or half-width voiced sound mark (ﾃ + ﾞ → デ), a surrogate pair, an emoji with its skin tone
    /// or ZWJ sequence, a flag, a Hangul syllable written as jamo (which NFKC composes only when they fold together).
    /// A match inside a piece marks all of it, so a mark never splits what a reader sees as one character.
    /// </summary>
    private static (string Folded, List<(int Start, int End)> Origin) FoldByPiece(string original)
    {
        var folded = new StringBuilder();
        var origin = new List<(int Start, int End)>();
        for (var start = 0; start < original.Length;)
        {
            var end = start + StringInfo.GetNextTextElementLength(original, start);
            var piece = FoldKeepingKatakana(original[start..end]);
            folded.Append(piece);
            origin.AddRange(Enumerable.Repeat((start, end), piece.Length));
            start = end;
        }
        // Its dashes after kana were folded piece by piece, without their neighbour: as Fold reads the whole text,
        // and only then its katakana as hiragana.
        return (AsHiragana(DashesReadByTheirNeighbours(folded.ToString())), origin);
    }

    // Overlapping or touching matches (医療体 and 療体制) become one mark.
    private static List<(int Start, int End)> Merge(IEnumerable<(int Start, int End)> spans)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }
        return merged;
    }
}
