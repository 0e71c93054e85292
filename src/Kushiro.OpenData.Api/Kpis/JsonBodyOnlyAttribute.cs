using Kushiro.OpenData.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kushiro.OpenData.Api.Kpis;

/// <summary>
/// Takes a body only as the contract says (<see cref="JsonRequestBody"/>). <c>[Consumes]</c> alone lets every
/// <c>+json</c> type through: <c>application/merge-patch+json</c> would be read as a whole replacement although its
/// sender means a partial update, and another charset is transcoded where the contract promises none. Those get the
/// same 415 as any other type (its detail: Http/BareProblemDetails.cs). So does a body in a content coding (gzip), which
/// is not decoded (Http/JsonRequestBody.cs). A body whose bytes are not UTF-8 (Shift_JIS, as Japanese Windows tools
/// send) is a 400 saying so: the JSON reader fails on it only inside a string, and MVC then called the field one of
/// "the wrong type".
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JsonBodyOnlyAttribute : Attribute, IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        Check(context);
        if (context.Result is null)
        {
            SpellCharsetAsTheReaderKnowsIt(context.HttpContext.Request);
            await CheckUtf8Async(context);
        }
        if (context.Result is null)
        {
            await next();
        }
    }

    private static void Check(ResourceExecutingContext context)
    {
        var request = context.HttpContext.Request;
        var problems = context.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Mvc.Infrastructure.ProblemDetailsFactory>();
        if (JsonRequestBody.ContentCoding(request) is { } coding)
        {
            context.HttpContext.Response.Headers.AcceptEncoding = JsonRequestBody.AcceptedCodings;
            context.Result = new ProblemResult(problems.CreateProblemDetails(context.HttpContext, StatusCodes.Status415UnsupportedMediaType,
                detail: JsonRequestBody.UncodedOnly(coding)));
        }
        else if (!JsonRequestBody.IsDeclared(request))
        {
            // A problem of our own, not MVC's UnsupportedMediaTypeResult: that one goes through content negotiation and
            // came out as "application/problem+json; charset=utf-8", unlike every other problem.
            context.Result = new ProblemResult(problems.CreateProblemDetails(context.HttpContext, StatusCodes.Status415UnsupportedMediaType));
        }
    }

    // "utf8" is taken here as in Accept (Http/JsonRequestBody.IsUtf8), but MVC's JSON reader knows only the registered
    // name and answered such a body with a 415. The body's bytes are checked as UTF-8 below either way.
    private static void SpellCharsetAsTheReaderKnowsIt(HttpRequest request)
    {
        if (Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(type.Charset).Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            request.ContentType = "application/json; charset=utf-8";
        }
    }

    private static async Task CheckUtf8Async(ResourceExecutingContext context)
    {
        // Bodies here are at most KpiWritesController.MaxBodyBytes (a longer one fails the read with a 413), so the
        // whole body is buffered once and read again by the model binder.
        var request = context.HttpContext.Request;
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.HttpContext.RequestAborted);
        request.Body.Position = 0;
        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        if (Utf8Body.Find(bytes) is { } broken)
        {
            // Where the decoder stops is the first byte that is not UTF-8: a client can find it in its own file.
            Refuse(context, "body", broken.EndsInsideCharacter
                ? $"Ends inside a character (byte {broken.Byte} begins one that does not finish): the body is cut short. Send all of it."
                : $"Is not UTF-8 text (byte {broken.Byte} is not): send the body as JSON in UTF-8.");
        }
        else if (HalfCharacter(body) is { } found)
        {
            // Valid JSON, but no text: MVC called the field one of "the wrong type".
            // As a JSON path, which the error names keep as the client wrote it ({"NOTE": …} is "NOTE").
            Refuse(context, found.Field() is { } field ? "$." + field : "body",
                "Holds a \\u escape of half a character (a lone surrogate), which is not text: write the character itself, or both halves of its pair.");
        }
    }

    // Malformed JSON is left to the model binder, which says where it breaks.
    private static Http.JsonText.HalfCharacter? HalfCharacter(MemoryStream body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
            return Http.JsonText.FindHalfCharacter(json.RootElement);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static void Refuse(ResourceExecutingContext context, string field, string message)
    {
        context.ModelState.AddModelError(field, message);
        var problems = context.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Mvc.Infrastructure.ProblemDetailsFactory>();
        context.Result = new ProblemResult(problems.CreateValidationProblemDetails(context.HttpContext, context.ModelState,
            StatusCodes.Status400BadRequest, detail: Http.JsonProblemDetailsWriter.ValidationDetail));
    }
}
