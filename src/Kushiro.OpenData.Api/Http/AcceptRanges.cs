using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// An Accept range the API cannot read as its client meant it: a weight that is no number from 0 to 1
/// (<c>q=-1</c>, <c>q=abc</c>, <c>q=NaN</c>) or a parameter without a value (<c>charset=</c>). Read leniently, such a
/// range had been taken at full weight by one check and refused by MVC's own, a 406 that said nothing; it is a 400
/// that names it.
/// </summary>
internal static class AcceptRanges
{
    /// <summary>Why the first such range cannot be read, or null when every range can.</summary>
    public static string? Unreadable(IList<MediaTypeHeaderValue> accept)
    {
        foreach (var range in accept)
        {
            if (range.Parameters.FirstOrDefault(p => StringSegment.IsNullOrEmpty(p.Value)) is { } empty)
            {
                return $"The Accept header's range \"{range}\" has a parameter without a value (\"{empty.Name}\").";
            }
            if (NameValueHeaderValue.Find(range.Parameters, "q") is not null && range.Quality is not (>= 0 and <= 1))
            {
                return $"The Accept header's range \"{range}\" has a weight that is not a number from 0 to 1: write q=0 to q=1, with at most three decimals (RFC 9110 §12.4.2).";
            }
        }
        return null;
    }
}
