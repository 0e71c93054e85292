using System.Text;
using Asp.Versioning;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Kushiro.OpenData.Api.Paging;

/// <summary>
/// The path an answer names itself and its pages by, spelled as the API spells it whichever spelling was asked for:
/// routing takes <c>/API/V1/GOALS</c>, <c>/api/v1.0/goals</c> and <c>/api/v1/goals/</c> for <c>/api/v1/goals</c>, and
/// links and JSON-LD list IRIs that repeated the request's spelling gave one list four names and four ETags.
/// </summary>
internal static class CanonicalPath
{
    public static PathString Of(HttpRequest request)
    {
        if (request.HttpContext.GetEndpoint() is not RouteEndpoint { RoutePattern: var pattern })
        {
            return request.Path;
        }
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                // Literals as the route template writes them (lower case); values as routing read them, so IDs keep
                // their own spelling (they are compared exactly); the version by its major number, as every link has it.
                var text = part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart { Name: "version" } => VersionText(request),
                    RoutePatternParameterPart parameter => request.RouteValues[parameter.Name]?.ToString() is { } value ? Uri.EscapeDataString(value) : null,
                    _ => null,
                };
                if (text is null)
                {
                    return request.Path;
                }
                path.Append(text);
            }
        }
        return new PathString(path.ToString());
    }

    private static string? VersionText(HttpRequest request) =>
        request.HttpContext.Features.Get<IApiVersioningFeature>()?.RequestedApiVersion is { MajorVersion: { } major, MinorVersion: null or 0, Status: null }
            ? major.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
