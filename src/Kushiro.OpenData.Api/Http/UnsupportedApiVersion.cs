using System.Text.RegularExpressions;
using Asp.Versioning;
using Asp.Versioning.ApiExplorer;
using Microsoft.AspNetCore.Mvc;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// A request under /api for a version this API does not have. Asp.Versioning with URL-segment versioning leaves it
/// (<c>/api/v2/goals</c>) to routing, which answers a bare 404; clients deserve a 400 that lists the versions there
/// are, whatever the method. A path that exists in no version is routing's 404 (its detail: BareProblemDetails), and
/// a method a path does not take routing's 405: a catch-all endpoint here would turn one of the two into the other.
/// </summary>
public static partial class UnsupportedApiVersion
{
    public static void UseUnsupportedApiVersionProblem(this WebApplication app)
    {
        // Read on first use: the versions are known once the controllers are mapped, after this is set up.
        var supported = new Lazy<List<ApiVersion>>(() => app.DescribeApiVersions().Select(d => d.ApiVersion).Distinct().ToList());
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", out var rest)
                || VersionSegment().Match(rest.Value ?? "") is not { Success: true } match
                || IsSupported(supported.Value, match))
            {
                return next(context);
            }
            var names = supported.Value.Select(v => $"v{v}").ToList();
            return context.WriteProblemAsync(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Detail = $"This API has no version {match.Groups["version"].Value}. Supported versions: {string.Join(", ", names)}.",
                Extensions = { ["supportedVersions"] = names },
            });
        });
    }

    // A loop, not Any with a lambda: the lambda would capture the match, and C# allocates a captured variable's
    // closure on entry to its scope, so every request through here would pay for it.
    private static bool IsSupported(List<ApiVersion> supported, Match requested)
    {
        foreach (var version in supported)
        {
            if (Same(version, requested))
            {
                return true;
            }
        }
        return false;
    }

    // Numerically, as routing does: v01 is v1, v1 is v1.0.
    private static bool Same(ApiVersion version, Match requested)
    {
        var minorText = requested.Groups["minor"].Success ? requested.Groups["minor"].Value : "0";
        return requested.Groups["major"].Success
            && decimal.TryParse(requested.Groups["major"].Value, out var major) && decimal.TryParse(minorText, out var minor)
            && version.MajorVersion == major && (version.MinorVersion ?? 0) == minor;
    }

    // Any segment a version could be meant by (v1.0.0, v2-beta, v2026-01-01 too): those routing reads as one
    // have a major and perhaps a minor number; the rest name no version there is.
    [GeneratedRegex(@"^/(?<version>v(?:(?<major>\d+)(?:\.(?<minor>\d+))?(?=/|$)|\d[^/]*))(/|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex VersionSegment();
}
