using System.Buffers;
using System.Globalization;
using System.Text;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// A client's own text quoted back in an error message. A name the API does not know can hold anything: a
/// right-to-left override shows the rest of the message reversed in whatever UI prints it, and a NUL cuts a C
/// string short. Such characters are written as escapes (<c>\u202E</c>), so the message shows what was sent.
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
            else
            {
                shown.Append(rest[..used]);
            }
            rest = rest[used..];
        }
        return shown.ToString();
    }

    private static bool NeedsEscapes(string text)
    {
        foreach (var c in text)
        {
            if (char.IsSurrogate(c) || Hidden(new Rune(c)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Hidden(Rune rune) => Rune.GetUnicodeCategory(rune)
        is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
