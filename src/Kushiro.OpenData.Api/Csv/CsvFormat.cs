using System.Text;

namespace Kushiro.OpenData.Api.Csv;

/// <summary>
/// CSV as served (RFC 4180): UTF-8 with a byte order mark, CRLF after every record, a header line first, and a field
/// quoted only when it holds a comma, a quote, CR or LF (quotes doubled). Codes go out as they are (012068), never as
/// a formula such as ="012068": a formula is not data to other readers, and the README says how to keep codes as text in Excel.
/// </summary>
public static class CsvFormat
{
    public const string MediaType = "text/csv";

    // header=present (RFC 4180 §3): the first line names the columns.
    public const string ContentType = "text/csv; charset=utf-8; header=present";

    /// <summary>
    /// Whether a media range asks for CSV without its header line (RFC 4180 §3, <c>header=absent</c>): CSV here always
    /// has one, so such a range asks for bytes the API never writes, as one naming another charset does.
    /// </summary>
    public static bool AsksWithoutHeader(Microsoft.Extensions.Primitives.StringSegment header) =>
        Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(header).Equals("absent", StringComparison.OrdinalIgnoreCase);

    // Excel on Japanese Windows reads a CSV without a BOM as Shift_JIS and garbles every Japanese character.
    public const char ByteOrderMark = '\uFEFF';

    public static StringBuilder AppendRecord(StringBuilder text, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                text.Append(',');
            }
            first = false;
            AppendField(text, field ?? "");
        }
        return text.Append("\r\n");
    }

    private static void AppendField(StringBuilder text, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            text.Append(field);
            return;
        }
        text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
