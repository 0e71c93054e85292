using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.LinkedData;

/// <summary>
/// Text that staff write (a KPI's name and definition, a figure's note, a source's title) as a JSON-LD literal. The
/// context tags these terms @ja, which is right for the strategy's own text; but a note or a source title may be
/// English ("Preliminary", "OECD Regional Statistics"), and tagging it @ja told a triple store it was Japanese. Text
/// with no Japanese script in it goes out as a value object without a language: what its language is, nobody said.
/// Kanji alone count as Japanese (国勢調査 has no kana), so Chinese text would be tagged @ja too: no staff text here is.
/// </summary>
public static class StaffText
{
    public static JsonNode Literal(string text) => HasJapaneseScript(text) ? JsonValue.Create(text) : new JsonObject { ["@value"] = text };

    // What a Japanese input method writes, by code point (an emoji is a surrogate pair too, and no script).
    private static readonly (int First, int Last)[] JapaneseScript =
    [
        (0x3000, 0x303F), // CJK symbols and punctuation: 。「」々〆
        (0x3040, 0x30FF), // hiragana and katakana
        (0x31F0, 0x31FF), // katakana phonetic extensions: Ainu's small ㇰㇱㇿ
        (0x3200, 0x33FF), // enclosed CJK letters (㈱) and CJK compatibility (㎡)
        (0x3400, 0x4DBF), // CJK ideographs, extension A
        (0x4E00, 0x9FFF), // CJK ideographs
        (0xF900, 0xFAFF), // CJK compatibility ideographs
        (0xFF01, 0xFF9F), // full-width forms (ＡＢＣ, ％) and half-width katakana; not the half-width Hangul after them
        (0xFFE0, 0xFFEE), // full-width signs (￥)
        (0x1B000, 0x1B16F), // kana supplement and extension A: hentaigana
        (0x20000, 0x3134F), // CJK ideographs, extensions B to G (𠮷)
    ];

    private static bool HasJapaneseScript(string text) =>
        text.EnumerateRunes().Any(r => JapaneseScript.Any(range => r.Value >= range.First && r.Value <= range.Last));
}
