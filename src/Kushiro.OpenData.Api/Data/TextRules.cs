using System.Buffers;
using System.Globalization;
using System.Text;

namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// What text the store accepts, from the seed and from staff alike. Published text is read by people through other
/// people's apps, so characters that cannot be seen but change what is shown (a right-to-left override turning
/// "2030" into "0302" on screen, a zero-width space splitting a search term, tag characters hiding text) are refused,
/// not stored. Read by code point, not by UTF-16 unit: the tag characters (U+E0000…) are pairs of surrogates.
/// </summary>
public static class TextRules
{
    /// <summary>
    /// Whether the text starts or ends with something that shows nothing: white space, a character of Unicode's Format
    /// category, or a blank letter (the Hangul fillers, the braille blank: a name of them alone looks empty). At the
    /// start also a combining mark or variation selector, which has nothing to attach to; at the end those stay allowed
    /// (葛󠄀: a kanji and its variation selector, as place names are written).
    /// </summary>
    public static bool StartsOrEndsInvisibly(string text) =>
        text.Length > 0
        && (IsInvisibleFirst(Rune.DecodeFromUtf16(text, out var first, out _) == OperationStatus.Done ? first : Rune.ReplacementChar)
            || IsInvisible(Rune.DecodeLastFromUtf16(text, out var last, out _) == OperationStatus.Done ? last : Rune.ReplacementChar));

    /// <summary>
    /// The first hidden character in the text, or null: a formatting character (bidirectional controls, zero-width
    /// spaces, a byte order mark, a soft hyphen, tag characters), a noncharacter (U+FFFF, U+FDD0: never meant for
    /// interchange), a line or paragraph separator, which the seed's
    /// single paragraphs and staff's one-line fields do not hold (control characters are refused apart), or a mark or
    /// character that shows nothing anywhere (<see cref="ShowsNothing"/>). The zero-width joiner is allowed:
    /// emoji sequences need it.
    /// </summary>
    public static Rune? HiddenCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsHidden(rune))
            {
                return rune;
            }
        }
        return null;
    }

    /// <summary>One character <see cref="HiddenCharacter"/> refuses (control characters are refused apart).</summary>
    public static bool IsHidden(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Format => rune.Value != 0x200D,
        UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        _ => IsNoncharacter(rune) || ShowsNothing(rune),
    };

    /// <summary>
    /// Whether the text starts as a spreadsheet formula does (= + - @). The CSV files are made to be opened in Excel by
    /// a double-click, which runs such a cell (=HYPERLINK(…) sends the row elsewhere). Refused, not escaped: an escape
    /// would make the CSV say other than the JSON. Read after NFKC, so full-width ＝ and its kin (﹦, ＋, －, ＠) count
    /// too: Japanese Excel takes a leading ＝ for a formula.
    /// </summary>
    public static bool StartsLikeAFormula(string text)
    {
        if (text.Length == 0 || Rune.DecodeFromUtf16(text, out var first, out _) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }
        var folded = first.ToString().Normalize(NormalizationForm.FormKC);
        return folded.Length > 0 && folded[0] is '=' or '+' or '-' or '@';
    }

    /// <summary>
    /// Whether the text is only a placeholder for one: an ellipsis or dots (…, ..., ‥, ・・・, and as a Japanese input
    /// method types them, ．．． or 。。。), as in README's write example, which a user who mends only the refused URL
    /// would otherwise publish as an official figure's source. Read after NFKC, as the formula rule reads.
    /// </summary>
    public static bool IsPlaceholder(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        return folded.Any(c => PlaceholderDots.Contains(c))
            && folded.All(c => PlaceholderDots.Contains(c) || char.IsWhiteSpace(c) || c is >= '\uFE00' and <= '\uFE0F');
    }

    // After NFKC: … is "...", ． is ".", ･ is ・, ︙ is ⋮.
    private const string PlaceholderDots = ".。・·⋯⋮‧";

    /// <summary>
    /// A control character that free text typed or pasted by a person (a search) may not hold: tabs and line breaks are
    /// white space there, as in text copied from a spreadsheet or the source document's columns.
    /// </summary>
    public static bool IsRefusedInFreeText(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    /// <summary>What a free-text parameter or argument holding <see cref="IsRefusedInFreeText"/> is told.</summary>
    public static string RefusedInFreeText(string name) => $"{name} contains a control character other than a tab or a line break.";

    /// <summary>How a message names a character: U+202E, U+E0041.</summary>
    public static string CodePoint(Rune rune) => $"U+{rune.Value:X4}";

    private static bool IsInvisible(Rune rune) =>
        Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format || IsBlankLetter(rune);

    /// <summary>
    /// What shows nothing wherever it stands, outside the Format category (refused by category) and the variation
    /// selectors (which choose a kanji's or an emoji's glyph): Unicode's other default-ignorable code points. The blank
    /// letters, the combining grapheme joiner (U+034F), Khmer's inherent vowels (U+17B4, U+17B5), Mongolian's free
    /// variation selectors, and the unassigned ones kept for such characters. Inside a name they split a search term
    /// unseen, or make two names look alike (a security review: 漁獲量 U+034F 調査).
    /// </summary>
    public static bool ShowsNothing(Rune rune) =>
        IsBlankLetter(rune)
        || rune.Value is 0x034F or 0x17B4 or 0x17B5 or (>= 0x180B and <= 0x180D) or 0x180F or 0x2065 or (>= 0xFFF0 and <= 0xFFF8)
        || (rune.Value is >= 0xE0000 and <= 0xE0FFF && rune.Value is not (>= 0xE0100 and <= 0xE01EF));

    /// <summary>A letter that shows nothing: the Hangul fillers and the braille blank.</summary>
    public static bool IsBlankLetter(Rune rune) => rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;

    private static bool IsInvisibleFirst(Rune rune) =>
        IsInvisible(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>A code point never meant for interchange (U+FFFF, U+FDD0…).</summary>
    public static bool IsNoncharacter(Rune rune) => rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE;
}
