using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.Extensions.Primitives;

namespace Kushiro.OpenData.Api.Http;

/// <summary>
/// MVC's JSON formatter, reading Accept as RFC 9110 §12.5.1 does. MVC matched a range's parameters exactly, so
/// <c>application/json;charset=utf-8</c> (or <c>*/*;charset=utf-8</c>) matched nothing and the next range decided, even
/// one with q=0: <c>text/csv;q=0, application/json;charset=utf-8</c> got CSV. Here a range naming JSON, or a wildcard,
/// takes JSON whatever its parameters (a charset other than UTF-8 excepted), and JSON is never the answer where Accept
/// rules it out. Problems are written as before.
/// </summary>
public sealed class JsonAnswerFormatter(System.Text.Json.JsonSerializerOptions options) : SystemTextJsonOutputFormatter(options)
{
    public override bool CanWriteResult(OutputFormatterCanWriteContext context)
    {
        if (context.ObjectType?.IsAssignableTo(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails)) == true)
        {
            return base.CanWriteResult(context);
        }
        if (!AcceptedForms.Allows(context.HttpContext.Request, AcceptedForms.Json))
        {
            return false;
        }
        if (context.ContentType.HasValue)
        {
            var requested = new MediaType(context.ContentType);
            var json = requested.MatchesAllTypes
                || (requested.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
                    && (requested.MatchesAllSubTypes || requested.SubType.Equals("json", StringComparison.OrdinalIgnoreCase)));
            if (!json || !JsonRequestBody.IsUtf8(requested.Charset))
            {
                return false;
            }
            context.ContentType = new StringSegment(AcceptedForms.Json.MediaType.Value);
        }
        return base.CanWriteResult(context);
    }
}
