using System.Text;

namespace Kushiro.OpenData.Api.Tests.Csv;

/// <summary>
/// A strict RFC 4180 reader of the tests' own, so the API's CSV is checked against the RFC rather than against the
/// API's writer: fields separated by commas, records ended by CRLF (every record, the last too, as the API promises),
/// a field quoted when it holds a comma, quote, CR or LF, quotes doubled inside. Anything else is a FormatException.
/// </summary>
public static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("A quoted field is not closed.");
                    }
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"')
                    {
                        throw new FormatException($"A quote inside an unquoted field at {i}.");
                    }
                    field.Append(text[i++]);
                }
            }
            record.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',')
            {
                i++;
            }
            else if (i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n')
            {
                records.Add(record);
                record = [];
                i += 2;
            }
            else
            {
                throw new FormatException(i >= text.Length ? "The last record does not end with CRLF." : $"A bare CR or LF, or text after a closing quote, at {i}.");
            }
        }
        return records;
    }
}
