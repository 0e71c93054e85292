using System.Text;
using Kushiro.OpenData.Api.Paging;
using Kushiro.OpenData.Api.Strategy.ReadModel;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.Extensions.Primitives;

namespace Kushiro.OpenData.Api.Csv;

/// <summary>
/// Writes a page of any list that has <see cref="CsvLists"/> columns as CSV, when Accept asks for text/csv (or text/*).
/// JSON stays the default: this formatter answers a wildcard only where Accept gives CSV the highest weight
/// (<see cref="Http.AcceptedForms"/>), and never a request without Accept. Which operations offer CSV
/// at all is their published response types, held by <see cref="Http.RequestContractFilter"/>.
/// </summary>
public sealed class CsvOutputFormatter : TextOutputFormatter
{
    public CsvOutputFormatter()
    {
        SupportedMediaTypes.Add(CsvFormat.MediaType);
        // The byte order mark is written as the first character, whatever the writer's encoding would emit.
        SupportedEncodings.Add(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    protected override bool CanWriteType(Type? type) => CsvLists.For(type) is not null;

    public override bool CanWriteResult(OutputFormatterCanWriteContext context)
    {
        if (!context.ContentType.HasValue || !CanWriteType(context.ObjectType))
        {
            return false;
        }
        // Parameters such as charset=utf-8 or header=present name what is served anyway: always UTF-8 with a header line.
        // Another charset, or header=absent, is not served, so such a range leaves the choice to the next one (or to the 406).
        // And */* when Accept gives CSV more weight than JSON, and than JSON-LD where the list has it (Http.AcceptedForms).
        var requested = new MediaType(context.ContentType);
        // MVC tries every range, q=0 ones last, so a named range counts only where Accept allows CSV at all.
        var named = requested.Type.Equals("text", StringComparison.OrdinalIgnoreCase)
            && (requested.MatchesAllSubTypes || requested.SubType.Equals("csv", StringComparison.OrdinalIgnoreCase))
            && Http.AcceptedForms.Allows(context.HttpContext.Request, Http.AcceptedForms.Csv);
        var wildcard = requested.MatchesAllTypes && Http.AcceptedForms.CsvTakesWildcard(context.HttpContext.Request, context.ObjectType);
        if (!(named || wildcard) || !Http.JsonRequestBody.IsUtf8(requested.Charset) || CsvFormat.AsksWithoutHeader(requested.GetParameter("header")))
        {
            return false;
        }
        context.ContentType = new StringSegment(CsvFormat.ContentType);
        return true;
    }

    public override void WriteResponseHeaders(OutputFormatterWriteContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = CsvFormat.ContentType;
        // A CSV body has no room for the page links JSON carries; RFC 8288 puts them in a header.
        response.Headers.Link = PageLinks.WithoutJsonOnlyParameters(context.HttpContext.Request, (IPage)context.Object!).ToLinkHeader();
    }

    public override async Task WriteResponseBodyAsync(OutputFormatterWriteContext context, Encoding selectedEncoding)
    {
        var http = context.HttpContext;
        var list = CsvLists.For(context.ObjectType)!;
        // The plan's municipality, from the read model: no store read while the data stays as it is.
        var municipality = (await http.RequestServices.GetRequiredService<StrategyReadModel>().GetAsync(http.RequestAborted)).Plan.Municipality;

        var text = CsvFormat.AppendRecord(new StringBuilder().Append(CsvFormat.ByteOrderMark), list.Headers);
        foreach (var row in list.Rows(((IPage)context.Object!).Items, municipality, http))
        {
            CsvFormat.AppendRecord(text, row);
        }
        await using var writer = context.WriterFactory(http.Response.Body, selectedEncoding);
        await writer.WriteAsync(text, http.RequestAborted);
        await writer.FlushAsync(http.RequestAborted);
    }
}
