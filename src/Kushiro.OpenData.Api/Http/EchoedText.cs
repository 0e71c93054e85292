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
/// The zero-width joiner stays: emoji sequences need it, as the store's text rules allow it (Data/TextRules.cs).
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
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf16(rest, out var rune, out var used);
            if (status != OperationStatus.Done)
            {
                shown.Append($"\\u{(int)rest[0]:X4}"); // half a character: its one UTF-16 unit
            }
            else if (Hidden(rune))
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
            rest = rest[used..];
        }
        return shown.ToString();
    }

    // Only where an escape will be written (an emoji alone is passed as it is, its backslashes too).
    private static bool NeedsEscapes(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done || Hidden(rune))
            {
                return true;
            }
            rest = rest[used..];
        }
        return false;
    }

    private static bool Hidden(Rune rune) =>
        (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator && rune.Value != 0x200D)
        || Data.TextRules.IsNoncharacter(rune) || Data.TextRules.IsBlankLetter(rune);
}
