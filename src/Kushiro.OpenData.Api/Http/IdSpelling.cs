using System.Text.RegularExpressions;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// IDs and codes are ASCII (<c>1-1</c>, <c>sdgs:8</c>), and a Japanese input method types them full-width
/// (<c>１－１</c>, <c>sdgs：８</c>, often with the long vowel mark for the hyphen, <c>１ー１</c>), which look the same in most
/// fonts. A refusal of such a value says the half-width spelling: search folds text, the IDs themselves are not folded,
/// so that each item keeps one URL, one cache entry and one ETag.
/// </summary>
public static partial class IdSpelling
{
    /// <summary>
    /// " (IDs and codes are half-width: "1-1")" when the value is an ID's or code's shape once its full-width forms,
    /// ideographic spaces and dashes are read as ASCII, else "". Only those: NFKC would also turn ① into 1 and ㎒ into
    /// MHz, which nobody typed for an ID.
    /// </summary>
    public static string Hint(string value)
    {
        var halfWidth = string.Create(value.Length, value, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = HalfWidth(source[i]);
            }
        }).Trim(' ');
        return halfWidth != value && Shape().IsMatch(halfWidth) ? $" (IDs and codes are half-width: \"{halfWidth}\")" : "";
    }

    private static char HalfWidth(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        // The long vowel mark, the minus sign and the Unicode hyphens, typed where an ID has its hyphen.
        'ー' or '\u2212' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\uFF70' => '-',
        _ => c,
    };

    // An ID (1-1, population-outlook) or a theme (sdgs:8, national:goal-2): lower-case letters, digits, hyphens.
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*(:[a-z0-9]+(-[a-z0-9]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
