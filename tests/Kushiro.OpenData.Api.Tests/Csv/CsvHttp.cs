using System.Net;
using System.Text;

namespace Kushiro.OpenData.Api.Tests.Csv;

/// <summary>A CSV response as a client sees it: the bytes, and its records by column name.</summary>
public sealed class CsvResponse
{
    public CsvResponse(HttpResponseMessage response, byte[] bytes)
    {
        Response = response;
        Bytes = bytes;
        // Strict: a byte sequence that is not UTF-8 throws rather than turning into U+FFFD.
        Text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes.AsSpan(Bom.Length));
        var records = Rfc4180.Parse(Text);
        Header = records[0];
        Rows = [.. records.Skip(1).Select(r =>
        {
            Assert.True(r.Count == Header.Count, $"A row has {r.Count} fields, the header {Header.Count}: {string.Join(",", r)}");
            return Header.Zip(r).ToDictionary(c => c.First, c => c.Second);
        })];
    }

    public static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public HttpResponseMessage Response { get; }

    public byte[] Bytes { get; }

    /// <summary>The body after the BOM.</summary>
    public string Text { get; }

    public List<string> Header { get; }

    public List<Dictionary<string, string>> Rows { get; }
}

public static class CsvHttp
{
    public static async Task<CsvResponse> GetCsvAsync(this HttpClient client, string url, string accept = "text/csv")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} as {accept}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.True(bytes.AsSpan().StartsWith(CsvResponse.Bom), $"GET {url}: the body does not start with a UTF-8 BOM.");
        return new CsvResponse(response, bytes);
    }
}
