using System.Text;
using Kushiro.OpenData.Api.Csv;

namespace Kushiro.OpenData.Api.Tests.Csv;

/// <summary>
/// The CSV field writer on its own, for what the data cannot hold yet: the seed and the write path refuse control
/// characters, so CR and LF inside a field reach the writer only here.
/// </summary>
public sealed class CsvFormatTests
{
    [Fact]
    public void FieldsWithCommasQuotesAndLineBreaksRoundTrip()
    {
        string?[] fields = ["plain", "a,b", "say \"hi\"", "line\r\nbreak", "bare\nlf", "bare\rcr", "\"", "", null, " spaced ", "012068"];
        var text = CsvFormat.AppendRecord(new StringBuilder(), fields).ToString();

        var record = Assert.Single(Rfc4180.Parse(text));
        Assert.Equal(fields.Select(f => f ?? ""), record);
        Assert.StartsWith("plain,\"a,b\",\"say \"\"hi\"\"\",", text);
        Assert.EndsWith(",, spaced ,012068\r\n", text);
    }
}
