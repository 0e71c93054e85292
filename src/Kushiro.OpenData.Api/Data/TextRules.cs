using System.Globalization;

namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// What text the store accepts, from the seed and from staff alike. Published text is read by people through other
/// people's apps, so characters that cannot be seen but change what is shown (a right-to-left override turning
/// "2030" into "0302" on screen, a zero-width space splitting a search term) are refused, not stored.
/// </summary>
public static class TextRules
{
    /// <summary>White space, or a character of Unicode's Format category: neither may start or end a text.</summary>
    public static bool IsInvisible(char c) => char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>
    /// The first invisible formatting character in the text (bidirectional controls, zero-width spaces, a byte order
    /// mark, a soft hyphen), or null. The zero-width joiner is allowed: emoji sequences need it.
    /// </summary>
    public static char? HiddenFormatting(string text)
    {
        foreach (var c in text)
        {
            if (c != '\u200D' && char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return c;
            }
        }
        return null;
    }

    /// <summary>How a message names a character: U+202E.</summary>
    public static string CodePoint(char c) => $"U+{(int)c:X4}";
}
