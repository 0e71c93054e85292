using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// How the API reads an Accept range's weight, one rule for every negotiation: a number from 0 to 1, read as written
/// (<c>q=.2</c> too, which Java's HttpURLConnection sent by default until JDK 19 and ASP.NET's own parser refuses); no
/// <c>q</c> is 1. A range the API cannot read as its client meant it (<c>q=-1</c>, <c>q=abc</c>, <c>q=NaN</c>, a
/// parameter without a value such as <c>charset=</c>) had been taken at full weight by one check and refused by MVC's,
/// a 406 that said nothing; REST and the linked-data documents answer it with a 400 that names it.
/// </summary>
internal static class AcceptRanges
{
    /// <summary>The range's weight, or null when its <c>q</c> is no number from 0 to 1.</summary>
    public static double? Weight(MediaTypeHeaderValue range)
    {
        if (NameValueHeaderValue.Find(range.Parameters, "q") is not { } q)
        {
            return 1;
        }
        // The weight as written, not range.Quality, which is null for ".2" as for "abc".
        return double.TryParse(q.Value.AsSpan(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight) && weight <= 1
            ? weight
            : null;
    }

    /// <summary>Why the first range that cannot be read cannot, or null when every range can.</summary>
    public static string? Unreadable(IList<MediaTypeHeaderValue> accept)
    {
        foreach (var range in accept)
        {
            if (range.Parameters.FirstOrDefault(p => StringSegment.IsNullOrEmpty(p.Value)) is { } empty)
            {
                return $"The Accept header's range for {range.MediaType} has a parameter without a value (\"{empty.Name}\").";
            }
            if (Weight(range) is null)
            {
                return $"The Accept header's range for {range.MediaType} has a weight that is not a number from 0 to 1 (q={NameValueHeaderValue.Find(range.Parameters, "q")!.Value}): write q=0 to q=1 (RFC 9110 §12.4.2).";
            }
        }
        return null;
    }
}
