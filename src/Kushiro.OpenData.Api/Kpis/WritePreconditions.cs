using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// The preconditions a staff tool may put on a write (RFC 9110 §13.2.2, in its order), checked inside the write once
/// its target is read, so that a failed one changes nothing (412). This API's entity tags are weak (they validate
/// what a GET returned, compressed or not), and If-Match compares strong tags only, so a tag there never matches:
/// a tool guards against another's write with If-Unmodified-Since and the Last-Modified it read (any write to the
/// data moves it), or asks for "only if it exists" (<c>If-Match: *</c>) or "only if it does not" (<c>If-None-Match: *</c>).
/// </summary>
public static class WritePreconditions
{
    public static async Task<ProblemResult?> CheckAsync(ControllerBase controller, OpenDataContext db, bool targetExists, CancellationToken cancellationToken)
    {
        var headers = controller.Request.GetTypedHeaders();
        string? failed = null;
        if (headers.IfMatch is { Count: > 0 } ifMatch)
        {
            if (!ifMatch.Contains(EntityTagHeaderValue.Any))
            {
                failed = "If-Match names entity tags, and this API's are weak (they validate what a GET returned): If-Match compares "
                    + "strong tags only, so none can match. Send If-Unmodified-Since with the Last-Modified you read, or If-Match: *.";
            }
            else if (!targetExists)
            {
                failed = "If-Match: * asks to change only what exists, and this does not.";
            }
        }
        else if (headers.IfUnmodifiedSince is { } since)
        {
            var modified = DatasetVersion.WholeSeconds(await db.StoreStates.AsNoTracking().Select(s => s.LastModified).SingleAsync(cancellationToken));
            if (modified > since)
            {
                failed = $"The data changed at {modified:R}, after If-Unmodified-Since ({since:R}): read it again.";
            }
        }
        if (failed is null && targetExists && headers.IfNoneMatch is { Count: > 0 } ifNoneMatch && ifNoneMatch.Contains(EntityTagHeaderValue.Any))
        {
            failed = "If-None-Match: * asks to create only what does not exist, and this exists.";
        }
        return failed is null
            ? null
            : new ProblemResult(controller.ProblemDetailsFactory.CreateProblemDetails(controller.HttpContext,
                StatusCodes.Status412PreconditionFailed, title: "Precondition failed", detail: failed + " Nothing was changed."));
    }
}
