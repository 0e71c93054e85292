using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.LinkedData;

/// <summary>
/// Text that staff write (a KPI's name and definition, a figure's note, a source's title) as a JSON-LD literal. The
/// context tags these terms @ja, which is right for the strategy's own text; but a note or a source title may be
/// English ("Preliminary", "OECD Regional Statistics"), and tagging it @ja told a triple store it was Japanese. Text
/// with no Japanese script in it goes out as a value object without a language: what its language is, nobody said.
/// </summary>
public static class StaffText
{
    public static JsonNode Literal(string text) => HasJapaneseScript(text) ? JsonValue.Create(text) : new JsonObject { ["@value"] = text };

    // Kana, CJK ideographs (a surrogate pair is an ideograph of the extension planes here: 𠮷), the CJK symbols and
    // punctuation (。「」), full-width forms (ＡＢＣ, ％) and half-width katakana: what a Japanese input method writes.
    private static bool HasJapaneseScript(string text) => text.Any(c => c is (>= '\u3000' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF')
        or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF') || char.IsSurrogate(c));
}
