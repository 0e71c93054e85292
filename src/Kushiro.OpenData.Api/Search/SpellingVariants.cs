namespace Kushiro.OpenData.Api.Search;

/// <summary>
/// A few words Japanese writes several ways, where a researcher searching one spelling means them all (子供 finds the
/// plan's 子ども), chosen by this project (editorial). Small on purpose: each entry is a spelling met in official
/// Japanese text, not a thesaurus. Old character forms are folded apart from this, character by character
/// (OldCharacterForms.cs).
/// </summary>
public static class SpellingVariants
{
    /// <summary>
    /// Words written several ways in official text: one group per word. The seed writes 子ども, 障がい (and 障害 once),
    /// 空家, 受入, 第2期 and both 取組 and 取り組み; the others are how people search for them. Kanji numerals and digits
    /// only in words the source writes (第二創業, 二地域居住, 第2期): 二 inside other words (二酸化炭素) is no number to fold.
    /// </summary>
    private static readonly string[][] Words =
    [
        ["子ども", "子供", "こども"],
        ["障がい", "障害", "障碍"],
        ["空き家", "空家"],
        ["受け入れ", "受入れ", "受入"],
        ["取り組み", "取組み", "取組"],
        ["第二創業", "第2創業"],
        ["二地域居住", "2地域居住"],
        ["第2期", "第二期"],
    ];

    // Folded as queries are, so that the table can be written as the source writes its words.
    private static readonly (string Spelling, string[] Group)[] Spellings =
    [
        .. Words.Select(g => g.Select(SearchText.Fold).ToArray())
            .SelectMany(g => g.Select(s => (s, g)))
            .OrderByDescending(s => s.s.Length),
    ];

    // A term of many variant words would multiply its spellings (3^100 for 子供 written 100 times): up to three words
    // of three spellings each are spelled every way; beyond that, the first 64, the term's own spelling first.
    private const int MaxSpellings = 64;

    /// <summary>
    /// A folded term and its other spellings: each whole word of the table in it, written each way the table knows,
    /// whatever comes before or after it (子供の → 子供の, 子どもの, こどもの; 受け入れる → 受入れる too). Words are read from
    /// the left, the longest first (受入れ is one word, not 受入 and れ); part of a word (2地域, 受け) is no word. A term
    /// without any is the only spelling of itself.
    /// </summary>
    public static IReadOnlyList<string> Of(string term)
    {
        for (var at = 0; at < term.Length; at++)
        {
            foreach (var (spelling, group) in Spellings)
            {
                if (term.AsSpan(at).StartsWith(spelling, StringComparison.Ordinal))
                {
                    // The term's own spelling first, so that it is always among those kept.
                    var rest = Of(term[(at + spelling.Length)..]);
                    return [.. group.Where(w => w != spelling).Prepend(spelling).SelectMany(word => rest.Select(r => term[..at] + word + r)).Take(MaxSpellings)];
                }
            }
        }
        return [term];
    }
}
