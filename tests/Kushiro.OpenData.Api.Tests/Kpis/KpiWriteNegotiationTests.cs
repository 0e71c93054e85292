using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>
/// A write whose Accept header allows none of its answer's media types is refused with a 406 before anything is
/// saved, and the contract says so: a generated client must know the status it can get.
/// </summary>
public sealed class KpiWriteNegotiationTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Fact]
    public async Task AWriteThatAcceptsOnlyCsvIsADeclared406AndChangesNothing()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("negotiated"));
        var before = await api.LastChangeSequenceAsync();

        var create = await SendAcceptingCsvAsync(staff, HttpMethod.Post, "/api/v1/kpis", StaffClient.NewKpi("csv-only"));
        var figure = await SendAcceptingCsvAsync(staff, HttpMethod.Put, "/api/v1/kpis/negotiated/observations/FY2023", StaffClient.Figure(1));

        Assert.Equal(HttpStatusCode.NotAcceptable, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotAcceptable, figure.StatusCode);
        Assert.Equal(before, await api.LastChangeSequenceAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/kpis/csv-only")).StatusCode);

        var paths = (await api.CreateClient().GetJsonAsync("/openapi/v1.json")).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/kpis").GetProperty("post").GetProperty("responses").TryGetProperty("406", out _));
        Assert.True(paths.GetProperty("/api/v1/kpis/{id}/{role}/{period}").GetProperty("put").GetProperty("responses").TryGetProperty("406", out _));
    }

    // [Consumes] alone let every +json type through: a merge patch would be taken as a whole replacement.
    [Theory]
    [InlineData("merge-patch", "application/merge-patch+json", "utf-8", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("ld-json", "application/ld+json", "utf-8", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("utf-16", "application/json; charset=utf-16", "utf-16", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("quoted-utf-8", "application/json; charset=\"UTF-8\"", "utf-8", HttpStatusCode.Created)]
    [InlineData("plain-json", "application/json", "utf-8", HttpStatusCode.Created)]
    // The alias Accept takes (an app developer's review: a write so labelled was a 415).
    [InlineData("utf8-alias", "application/json;charset=UTF8", "utf-8", HttpStatusCode.Created)]
    public async Task OnlyApplicationJsonInUtf8IsTaken(string id, string contentType, string encoding, HttpStatusCode expected)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var json = System.Text.Json.JsonSerializer.Serialize(StaffClient.NewKpi(id));
        var content = new ByteArrayContent(System.Text.Encoding.GetEncoding(encoding).GetBytes(json));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await staff.PostAsync("/api/v1/kpis", content);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.UnsupportedMediaType)
        {
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("/api/v1/kpis", problem.Text("instance"));
            Assert.Contains("application/json (UTF-8)", problem.Text("detail"));
            // As every problem: MVC's own 415 result had come out as "application/problem+json; charset=utf-8".
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.ToString());
        }
        var stored = await api.CreateClient().GetAsync($"/api/v1/kpis/{id}");
        Assert.Equal(expected == HttpStatusCode.Created ? HttpStatusCode.OK : HttpStatusCode.NotFound, stored.StatusCode);
    }

    // RFC 9110 §12.5.3: a body in a content coding the server does not decode gets a 415 with Accept-Encoding. It had
    // been read as it came: gzipped JSON refused as broken, plain JSON labelled gzip taken.
    [Theory]
    [InlineData("gzip", true, HttpStatusCode.UnsupportedMediaType)]
    [InlineData("gzip", false, HttpStatusCode.UnsupportedMediaType)]
    [InlineData("identity", false, HttpStatusCode.Created)]
    public async Task ABodyInAContentCodingIsA415NamingWhatIsTaken(string coding, bool compressed, HttpStatusCode expected)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var id = $"coded-{coding}-{compressed}".ToLowerInvariant();
        var json = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(StaffClient.NewKpi(id)));
        using var gzipped = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }
        var content = new ByteArrayContent(compressed ? gzipped.ToArray() : json);
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentEncoding.Add(coding);

        var response = await staff.PostAsync("/api/v1/kpis", content);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.UnsupportedMediaType)
        {
            Assert.Equal("identity", string.Join(",", response.Headers.GetValues("Accept-Encoding")));
            Assert.Contains("without a content coding", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("detail"));
        }
        Assert.Equal(expected == HttpStatusCode.Created ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await api.CreateClient().GetAsync($"/api/v1/kpis/{id}")).StatusCode);
    }

    [Fact]
    public async Task AWriteWithoutABodyTypeIsA415SayingThereWasNone()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));

        var response = await staff.PostAsync("/api/v1/kpis", null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.ToString());
        Assert.EndsWith("there was none.", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("detail"));
    }

    private static Task<HttpResponseMessage> SendAcceptingCsvAsync(HttpClient client, HttpMethod method, string url, object body)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("text/csv");
        return client.SendAsync(request);
    }
}
