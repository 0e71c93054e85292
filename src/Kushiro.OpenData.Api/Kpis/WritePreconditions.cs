using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// The preconditions a staff tool may put on a write (RFC 9110 §13.2.2, in its order), checked inside the write once
/// its target is read, so that a failed one changes nothing (412). If-None-Match is held only as <c>*</c>: a tag there
/// would have to be compared with the one a GET of the target would carry for the client's variant, which a write does
/// not make; such a tag is not checked. This API's entity tags are weak (they validate
/// what a GET returned, compressed or not), and If-Match compares strong tags only, so a tag there never matches:
/// a tool guards against another's write with If-Unmodified-Since and the Last-Modified it read (any write to the
/// data moves it), or asks for "only if it exists" (<c>If-Match: *</c>) or "only if it does not" (<c>If-None-Match: *</c>).
/// </summary>
public static class WritePreconditions
{
    public static async Task<ProblemResult?> CheckAsync(ControllerBase controller, OpenDataContext db, PreconditionTarget target, CancellationToken cancellationToken)
    {
        var request = controller.Request;
        string? failed = null;
        if (request.Headers.IfMatch.Count > 0)
        {
            if (!PreconditionHeaders.IsStar(request.Headers.IfMatch))
            {
                failed = PreconditionHeaders.IfMatchNeverMatches + " Send If-Unmodified-Since with the Last-Modified you read, or If-Match: *.";
            }
            else if (target == PreconditionTarget.Missing)
            {
                failed = "If-Match: * asks to change only what exists, and this does not.";
            }
        }
        else if (PreconditionHeaders.IfUnmodifiedSince(request.Headers) is { } since)
        {
            var modified = DatasetVersion.WholeSeconds(await db.StoreStates.AsNoTracking().Select(s => s.LastModified).SingleAsync(cancellationToken));
            if (modified > since)
            {
                failed = $"The data changed at {modified:R}, after If-Unmodified-Since ({since:R}): read it again.";
            }
        }
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (failed is null && !PreconditionHeaders.IsStar(ifNoneMatch) && ifNoneMatch.Any(v => v?.Contains('*') == true))
        {
            // Tags here are not checked (see above), but a "*" sent twice, in a list or as W/* is a guard the client
            // asked for: it must not be dropped as if it were a tag.
            failed = "If-None-Match: * is valid only alone, once (not twice, in a list or as W/*).";
        }
        if (failed is null && target != PreconditionTarget.Missing && PreconditionHeaders.IsStar(ifNoneMatch))
        {
            // A POST's target is the list it adds to, never the KPI in its body: say so, or the client reads "this
            // exists" about the ID it sent.
            failed = target == PreconditionTarget.TheList
                ? "If-None-Match: * holds only where the target does not exist, and a POST's target is the list of KPIs, which does. POST without it: a KPI whose ID exists already is refused (409)."
                : "If-None-Match: * asks to create only what does not exist, and this exists.";
        }
        return failed is null
            ? null
            : new ProblemResult(controller.ProblemDetailsFactory.CreateProblemDetails(controller.HttpContext,
                StatusCodes.Status412PreconditionFailed, detail: failed + " Nothing was changed."));
    }
}

/// <summary>What a write's preconditions are held against: its target as it is now.</summary>
public enum PreconditionTarget
{
    /// <summary>The KPI or figure the write changes exists.</summary>
    Exists,

    /// <summary>The figure a PUT would create does not exist yet.</summary>
    Missing,

    /// <summary>A POST's target: the list of KPIs it adds to, which always exists.</summary>
    TheList,
}
