using System.Text.RegularExpressions;
using Asp.Versioning;
using Asp.Versioning.ApiExplorer;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// What no API route matched under /api. Asp.Versioning with URL-segment versioning leaves an unknown version
/// (<c>/api/v2/goals</c>) to routing, which answers a bare 404; clients deserve a 400 that lists the versions
/// there are, and a path that exists in no version deserves a 404 that says so.
/// </summary>
public static partial class ApiVersionFallback
{
    public static void MapApiFallback(this WebApplication app)
    {
        var supported = app.DescribeApiVersions().Select(d => d.ApiVersion).ToList();
        var names = supported.Select(v => $"v{v}").ToList();
        app.MapFallback("/api/{**path}", (HttpContext context, string? path) =>
        {
            var match = VersionSegment().Match(path ?? "");
            if (match.Success && !supported.Any(v => Same(v, match)))
            {
                return Results.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Unsupported API version",
                    Detail = $"This API has no version {match.Groups["version"].Value}. Supported versions: {string.Join(", ", names)}.",
                    Extensions = { ["supportedVersions"] = names },
                });
            }
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: BareProblemDetails.NotFoundDetail(context.Request.Path));
        })
        // GET and HEAD only: another method on an existing path stays a 405 from routing.
        .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
        .ExcludeFromDescription();
    }

    // Numerically, as routing does: v01 is v1, v1 is v1.0.
    private static bool Same(ApiVersion version, Match requested)
    {
        var minorText = requested.Groups["minor"].Success ? requested.Groups["minor"].Value : "0";
        return decimal.TryParse(requested.Groups["major"].Value, out var major) && decimal.TryParse(minorText, out var minor)
            && version.MajorVersion == major && (version.MinorVersion ?? 0) == minor;
    }

    [GeneratedRegex(@"^(?<version>v(?<major>\d+)(\.(?<minor>\d+))?)(/|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex VersionSegment();
}
