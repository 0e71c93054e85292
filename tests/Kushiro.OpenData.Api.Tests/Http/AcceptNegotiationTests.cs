using System.Net;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.Http;

/// <summary>
/// What Accept gets. The most specific range decides (RFC 9110 §12.5.1), so a form ruled out by name is not served
/// because a wildcard would have taken it. Every answer is UTF-8: a client that asks for another charset is told so,
/// and no request header makes the API, or its output cache, hand other clients anything else.
/// </summary>
[Collection(ReadOnlyApi.Name)]
public sealed class AcceptNegotiationTests(SharedApiFactory api)
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task AcceptCharsetNeitherChangesTheAnswerNorWhatLaterClientsGet()
    {
        // A URL no other test asks for, so the first request below is the one the output cache keeps.
        const string url = "/api/v1/measures?limit=4&offset=3";
        using var asking = new HttpRequestMessage(HttpMethod.Get, url);
        asking.Headers.AcceptCharset.ParseAdd("utf-16");
        using var first = await client.SendAsync(asking);
        using var later = await client.GetAsync(url);

        foreach (var answer in new[] { first, later })
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("utf-8", answer.Content.Headers.ContentType?.CharSet);
            var bytes = await answer.Content.ReadAsByteArrayAsync();
            Assert.Equal((byte)'{', bytes[0]);
            Assert.Equal(4, JsonDocument.Parse(bytes).RootElement.Items().Count());
        }
    }

    // Another charset, or CSV without its header line (RFC 4180 §3, header=absent): bytes the API never writes.
    [Theory]
    [InlineData("/api/v1/goals", "text/csv; charset=shift_jis", "in UTF-8; the Accept header allows n")]
    [InlineData("/api/v1/goals", "text/csv; charset=\"Shift_JIS\"", "in UTF-8; the Accept header allows n")]
    [InlineData("/api/v1/goals", "application/json; charset=utf-16", "in UTF-8; the Accept header allows n")]
    [InlineData("/api/v1/sub-measures/1-1-1", "application/ld+json; charset=utf-16", "in UTF-8; the Accept header allows n")]
    [InlineData("/ns", "application/json; charset=utf-16", "in UTF-8; the Accept header allows n")]
    [InlineData("/api/v1/goals", "text/csv; header=absent", "text/csv (header=present), in UTF-8")]
    [InlineData("/api/v1/goals", "text/csv; header=\"Absent\"", "text/csv (header=present), in UTF-8")]
    [InlineData("/api/v1/export/csv/goals.csv", "text/csv; header=absent", "text/csv (header=present), in UTF-8")]
    // An archive has no charset (a mirror's review).
    [InlineData("/api/v1/export/csv.zip", "application/json", "available as application/zip; the Accept header allows n")]
    [InlineData("/api/v1/goals/1", "text/turtle;profile=http://www.w3.org/ns/json-ld#expanded", "the Accept header allows n")]
    public async Task AFormTheApiNeverWritesIsNotAcceptable(string url, string accept, string detailSays) =>
        Assert.Contains(detailSays, await ProblemDetailAsync(url, accept, HttpStatusCode.NotAcceptable));

    [Theory]
    [InlineData("/api/v1/goals", "text/csv; charset=shift_jis, application/json;q=0.5", "application/json")]
    [InlineData("/api/v1/goals", "text/csv; charset=shift_jis, text/csv;q=0.5", "text/csv")]
    [InlineData("/api/v1/goals", "text/csv; charset=UTF-8", "text/csv")]
    [InlineData("/api/v1/goals", "text/csv; charset=utf8", "text/csv")]
    [InlineData("/api/v1/goals", "application/json;q=0, */*", "application/ld+json")]
    [InlineData("/api/v1/goals/1", "application/json;q=0, */*", "application/ld+json")]
    [InlineData("/api/v1/catalog", "application/json;q=0, application/*", "application/ld+json")]
    [InlineData("/api/v1/goals", "application/json;q=0, text/*", "text/csv")]
    [InlineData("/api/v1/goals", "application/json;q=0, text/csv;q=0.9, application/ld+json;q=0.5", "text/csv")]
    // The highest quality wins, each form's taken from the most specific range: a wildcard at 1 beats JSON at 0.1 (JSON
    // had taken it while it was allowed at all; a linked-data review). On a tie, JSON first.
    [InlineData("/api/v1/goals", "application/json;q=0.1, */*", "application/ld+json")]
    [InlineData("/api/v1/goals/1", "*/*, application/json;q=0.1", "application/ld+json")]
    [InlineData("/api/v1/catalog", "application/*;q=0.9, application/json;q=0.1", "application/ld+json")]
    [InlineData("/api/v1/changes?limit=2", "*/*, application/json;q=0.1", "text/csv")]
    [InlineData("/api/v1/goals", "*/*, application/json;q=0.5, application/ld+json;q=0.2", "text/csv")]
    [InlineData("/api/v1/goals", "*/*;q=0.5, application/json;q=0.5", "application/json")]
    // CSV by the wildcard at 1, JSON-LD by name at 0.5: CSV, though JSON-LD's formatter is asked first.
    [InlineData("/api/v1/goals", "*/*, application/json;q=0.1, application/ld+json;q=0.5", "text/csv")]
    // Java's HttpURLConnection sent this by default until JDK 19: .2 is a weight, though ASP.NET's own parser refuses it.
    [InlineData("/api/v1/goals", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2", "application/json")]
    [InlineData("/api/v1/goals", "application/json;q=.5, application/ld+json;q=.9", "application/ld+json")]
    [InlineData("/api/v1/goals", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/json")]
    [InlineData("/api/v1/changes?limit=2", "application/json;q=0, */*", "text/csv")] // a list without JSON-LD
    [InlineData("/api/v1/search?q=MICE", "application/json;q=0, */*", "text/csv")] // answers about resources: no JSON-LD
    [InlineData("/api/v1/goals", "application/json;q=0, application/ld+json;q=0, */*", "text/csv")]
    [InlineData("/api/v1/goals", "application/*;q=0, */*", "text/csv")]
    // Parameters on a JSON range do not hide it, and a range with q=0 is never the answer.
    [InlineData("/api/v1/goals", "text/csv;q=0, application/json;charset=utf-8", "application/json")]
    [InlineData("/api/v1/goals/1", "application/ld+json;q=0, application/json;charset=utf-8", "application/json")]
    [InlineData("/api/v1/goals", "text/csv;q=0, */*;charset=utf-8", "application/json")]
    [InlineData("/api/v1/goals", "application/json; charset=utf-8, text/csv;q=0.5", "application/json")]
    [InlineData("/api/v1/changes?limit=2", "application/json;charset=utf-8, text/csv;q=0.1", "application/json")]
    [InlineData("/api/v1/goals", "application/json;profile=\"x\", application/ld+json;q=0.5", "application/json")]
    // An unquoted profile URL, as a JSON-LD editor extension asks for contexts, is read as if quoted: every resource,
    // the context too, had answered 406 (a linked-data review). Its q still counts.
    [InlineData("/ns/context.jsonld", "application/ld+json;profile=http://www.w3.org/ns/json-ld#context", "application/ld+json")]
    [InlineData("/api/v1/goals/1", "application/ld+json;profile=http://www.w3.org/ns/json-ld#expanded", "application/ld+json")]
    [InlineData("/api/v1/goals?limit=2", "application/ld+json; profile=http://www.w3.org/ns/json-ld#compacted", "application/ld+json")]
    [InlineData("/api/v1/goals/1", "application/json;q=0.9, application/ld+json;profile=http://www.w3.org/ns/json-ld#compacted;q=0.1", "application/json")]
    public async Task AnswersInAFormAndCharsetAcceptAllows(string url, string accept, string served)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(served, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    // A range read leniently had been taken at full weight by the API's check and refused by MVC's: a 406 that said
    // nothing (a linked-data review). The vocabulary answers the same way, and so does a download.
    [Theory]
    [InlineData("/api/v1/goals/1", "application/ld+json;q=-1", "weight that is not a number from 0 to 1 (q=-1)")]
    [InlineData("/api/v1/goals", "application/ld+json;q=NaN", "weight")]
    [InlineData("/api/v1/goals", "application/json;q=2", "weight")]
    [InlineData("/api/v1/goals/1", "application/ld+json;charset=", "parameter without a value (\"charset\")")]
    [InlineData("/ns", "application/ld+json;q=abc", "weight")]
    [InlineData("/id/source-document", "text/plain;q=1.5", "weight")]
    [InlineData("/api/v1/export/csv.zip", "application/zip;q=-0.5", "weight")]
    public async Task AnAcceptRangeThatCannotBeReadIsABadRequestNamingIt(string url, string accept, string detailSays)
    {
        var detail = await ProblemDetailAsync(url, accept, HttpStatusCode.BadRequest);
        Assert.StartsWith($"The Accept header's range for {accept.Split(';')[0]} has ", detail);
        Assert.Contains(detailSays, detail);
    }

    // Sent as written: HttpClient would refuse some of these ranges.
    private async Task<string> ProblemDetailAsync(string url, string accept, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await client.SendAsync(request);
        Assert.Equal(status, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("detail");
    }

    [Theory]
    [InlineData("text/csv; header=absent, application/json;q=0.5", "application/json", false)]
    [InlineData("text/csv; header=absent, text/csv;q=0.5", "text/csv", true)]
    [InlineData("text/csv; header=present", "text/csv", true)]
    [InlineData("application/json;q=0, */*; header=absent", "application/ld+json", false)]
    public async Task ARangeForCsvWithoutHeaderLeavesTheChoiceToTheOthers(string accept, string served, bool headerLine)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/goals");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(served, response.Content.Headers.ContentType?.MediaType);
        if (headerLine)
        {
            // The header line (the BOM is read away), whose first column names the municipality code.
            Assert.StartsWith("全国地方公共団体コード,ID,", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task WhereOnlyOneFormIsOfferedRulingItOutIsNotAcceptable()
    {
        // The source document is plain text only.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plan/source-document");
        request.Headers.TryAddWithoutValidation("Accept", "text/plain;q=0, */*");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
