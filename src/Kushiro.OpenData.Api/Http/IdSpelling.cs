using System.Text;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// IDs and codes are ASCII (<c>1-1</c>, <c>sdgs:8</c>), and a Japanese input method types them full-width
/// (<c>１－１</c>, <c>sdgs:８</c>), which look the same in most fonts. A refusal of such a value says the half-width
/// spelling, which search had shown the client works (it folds text with NFKC): the IDs themselves are not folded, so
/// that each item keeps one URL, one cache entry and one ETag.
/// </summary>
public static class IdSpelling
{
    /// <summary>" (IDs and codes are half-width: "1-1")" when NFKC folds the value to other ASCII text, else "".</summary>
    public static string Hint(string value)
    {
        // Full-width forms are all in the BMP; a lone surrogate would make Normalize throw.
        if (Ascii.IsValid(value) || value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return "";
        }
        var folded = value.Normalize(NormalizationForm.FormKC);
        return Ascii.IsValid(folded) ? $" (IDs and codes are half-width: \"{folded}\")" : "";
    }
}
