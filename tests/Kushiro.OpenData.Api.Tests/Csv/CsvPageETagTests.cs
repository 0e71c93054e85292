using System.Net;
using Kushiro.OpenData.Api.Tests.Kpis;

namespace Kushiro.OpenData.Api.Tests.Csv;

/// <summary>
/// A CSV page carries its paging only in the Link header, so its ETag must cover the header too: a mirror that
/// revalidates a page whose rows stayed while the list grew would otherwise be told 304, keep its old links, and
/// never follow the "next" that now exists.
/// </summary>
public sealed class CsvPageETagTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Fact]
    public async Task ACsvPageWhoseRowsStayButWhoseLinksMoveGetsANewETag()
    {
        const string page = "/api/v1/kpis?limit=1&offset=0";
        var before = await GetCsvAsync(page);
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        // Listed after the seed's KPI, so the first page's one row stays as it was.
        Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("zz-csv-page-check"))).StatusCode);

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, page);
        revalidation.Headers.Accept.ParseAdd("text/csv");
        revalidation.Headers.IfNoneMatch.Add(before.ETag);
        using var after = await api.CreateClient().SendAsync(revalidation);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(before.Body, await after.Content.ReadAsStringAsync());
        Assert.NotEqual(before.Link, string.Join(", ", after.Headers.GetValues("Link")));
        Assert.NotEqual(before.ETag, after.Headers.ETag);
    }

    private async Task<(System.Net.Http.Headers.EntityTagHeaderValue ETag, string Link, string Body)> GetCsvAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await api.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.ETag!, string.Join(", ", response.Headers.GetValues("Link")), await response.Content.ReadAsStringAsync());
    }
}
