using System.Buffers;
using System.Globalization;
using System.Text;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// A client's own text quoted back in an error message. A name the API does not know can hold anything: a
/// right-to-left override shows the rest of the message reversed in whatever UI prints it, and a NUL cuts a C
/// string short; a Hangul filler shows as nothing. Such characters are written as escapes (<c>\u202E</c>), so the
/// message shows what was sent; a backslash of the text's own is then doubled, so that an escape cannot be told from
/// the six characters it reads as.
/// The zero-width joiner stays between the parts of an emoji, which need it (the store's text rules allow it too).
/// Only messages: a problem's <c>errors</c> stay keyed by the name exactly as the client sent it.
/// </summary>
public static class EchoedText
{
    public static string Visible(string text)
    {
        if (!NeedsEscapes(text))
        {
            return text;
        }
        var shown = new StringBuilder(text.Length + 16);
        var rest = text.AsSpan();
        var previous = Rune.ReplacementChar;
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf16(rest, out var rune, out var used);
            if (status != OperationStatus.Done)
            {
                shown.Append($"\\u{(int)rest[0]:X4}"); // half a character: its one UTF-16 unit
            }
            else if (rune.Value == ZeroWidthJoiner && JoinsEmoji(previous, rest[used..]))
            {
                shown.Append(rest[..used]);
            }
            else if (IsHidden(rune))
            {
                shown.Append(rune.IsBmp ? $"\\u{rune.Value:X4}" : $"\\U{rune.Value:X8}");
            }
            else if (rune.Value == '\\')
            {
                shown.Append(@"\\");
            }
            else
            {
                shown.Append(rest[..used]);
            }
            previous = rune;
            rest = rest[used..];
        }
        return shown.ToString();
    }

    private const int ZeroWidthJoiner = 0x200D;

    // Between two parts of an emoji (👩‍👧, ❤️‍🔥, 👍🏽‍…): a symbol, a variation selector or a skin tone before it, a
    // symbol after it. Anywhere else ("a‍b") it hides, and is escaped.
    private static bool JoinsEmoji(Rune previous, ReadOnlySpan<char> after) =>
        (Rune.GetUnicodeCategory(previous) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol || previous.Value == 0xFE0F)
        && Rune.DecodeFromUtf16(after, out var next, out _) == OperationStatus.Done
        && Rune.GetUnicodeCategory(next) == UnicodeCategory.OtherSymbol;

    // Only where an escape will be written (an emoji alone is passed as it is, its backslashes too).
    private static bool NeedsEscapes(string text)
    {
        var rest = text.AsSpan();
        var previous = Rune.ReplacementChar;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done
                || (IsHidden(rune) && !(rune.Value == ZeroWidthJoiner && JoinsEmoji(previous, rest[used..]))))
            {
                return true;
            }
            previous = rune;
            rest = rest[used..];
        }
        return false;
    }

    /// <summary>A character that shows nothing or changes how the rest shows: what the store refuses in a text
    /// (<see cref="Data.TextRules.IsHidden"/>), a control character, and the zero-width joiner, kept only inside an
    /// emoji (above).</summary>
    public static bool IsHidden(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control || rune.Value == ZeroWidthJoiner || Data.TextRules.IsHidden(rune);
}
