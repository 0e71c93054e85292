using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>
/// Preconditions on writes (RFC 9110 §13.1): a staff tool that asks "only if nobody wrote since I read" or "only if it
/// does not exist yet" is refused with 412 when that is not so, and nothing changes.
/// </summary>
public sealed class WritePreconditionTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    private const string Figure = "/api/v1/kpis/preconditions/observations/FY2024";

    [Fact]
    public async Task AFailedPreconditionIsA412AndChangesNothing()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        Assert.Equal(HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("preconditions"))).StatusCode);

        // Only what exists: there is no figure for the period yet.
        await AssertRefusedAsync(staff, HttpMethod.Put, 1, "If-Match", "*");
        // Only what does not exist: created once, then refused.
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(staff, HttpMethod.Put, 2, "If-None-Match", "*")).StatusCode);
        await AssertRefusedAsync(staff, HttpMethod.Put, 3, "If-None-Match", "*");
        // "*" twice or in a list is still the guard the client asked for, not an unchecked tag.
        await AssertRefusedAsync(staff, HttpMethod.Put, 3, "If-None-Match", "*, *");
        // A tag, even the KPI's current one: this API's tags are weak, and If-Match compares strong ones.
        var etag = (await api.CreateClient().GetAsync("/api/v1/kpis/preconditions")).Headers.ETag!.ToString();
        await AssertRefusedAsync(staff, HttpMethod.Put, 4, "If-Match", etag);
        await AssertRefusedAsync(staff, HttpMethod.Delete, null, "If-Match", etag);
        // Not a valid tag at all (unquoted), or "*" in a list with a tag: a guard the client asked for, not none.
        await AssertRefusedAsync(staff, HttpMethod.Put, 4, "If-Match", "abc123");
        await AssertRefusedAsync(staff, HttpMethod.Put, 4, "If-Match", "\"a\", *");

        // Not since a time before the last write: refused. Since the Last-Modified just read: done.
        var read = await api.CreateClient().GetSettledAsync("/api/v1/kpis/preconditions");
        var lastModified = read.Content.Headers.LastModified!.Value;
        await AssertRefusedAsync(staff, HttpMethod.Put, 5, "If-Unmodified-Since", lastModified.AddSeconds(-5).ToString("R"));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(staff, HttpMethod.Put, 6, "If-Unmodified-Since", lastModified.ToString("R"))).StatusCode);
        Assert.Equal(6m, await ObservationAsync());
        // Only what exists: it does now, so it can be removed.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(staff, HttpMethod.Delete, null, "If-Match", "*")).StatusCode);
    }

    // A POST's target is the list, which exists: a tag in If-Match never matches it, and If-None-Match: * is refused
    // whatever the ID, the problem saying so instead of "this exists" about an ID that does not.
    [Theory]
    [InlineData("If-Match", "\"whatever\"", "none can match", "guarded-tag")]
    [InlineData("If-None-Match", "*", "a POST's target is the list of KPIs", "guarded-star")]
    [InlineData("If-None-Match", "*, *", "valid only alone", "guarded-two-stars")]
    [InlineData("If-None-Match", "W/*", "valid only alone", "guarded-weak-star")]
    public async Task AGuardedCreateIsRefusedAndSaysWhy(string header, string value, string reason, string id)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/kpis") { Content = JsonContent.Create(StaffClient.NewKpi(id)) };
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await staff.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains(reason, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("detail"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync($"/api/v1/kpis/{id}")).StatusCode);
    }

    // A KPI has one baseline, and a PUT of another period replaces it: "only if it does not exist" had let a new
    // period through and deleted the baseline there was.
    [Fact]
    public async Task OnlyIfItDoesNotExistKeepsTheBaselineAnotherPeriodWouldReplace()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("one-baseline"));
        Assert.Equal(HttpStatusCode.Created, (await staff.PutJsonAsync("/api/v1/kpis/one-baseline/baseline/2020", StaffClient.Figure(5))).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/kpis/one-baseline/baseline/2021") { Content = JsonContent.Create(StaffClient.Figure(6)) };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var response = await staff.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var baseline = (await api.CreateClient().GetJsonAsync("/api/v1/kpis/one-baseline")).GetProperty("baseline");
        Assert.Equal("2020", baseline.Text("period"));
    }

    private async Task AssertRefusedAsync(HttpClient staff, HttpMethod method, decimal? value, string header, string condition)
    {
        var before = await api.LastChangeSequenceAsync();
        var valueBefore = await ObservationAsync();

        using var response = await SendAsync(staff, method, value, header, condition);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains(header, problem);
        Assert.Equal("Precondition Failed", JsonDocument.Parse(problem).RootElement.Text("title"));
        Assert.Equal(before, await api.LastChangeSequenceAsync());
        Assert.Equal(valueBefore, await ObservationAsync());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient staff, HttpMethod method, decimal? value, string header, string condition)
    {
        using var request = new HttpRequestMessage(method, Figure);
        if (value is { } v)
        {
            request.Content = JsonContent.Create(StaffClient.Figure(v));
        }
        request.Headers.TryAddWithoutValidation(header, condition);
        return await staff.SendAsync(request);
    }

    private async Task<decimal?> ObservationAsync()
    {
        var observations = (await api.CreateClient().GetJsonAsync("/api/v1/kpis/preconditions/observations")).Items().ToList();
        return observations.Count == 0 ? null : observations.Single().GetProperty("value").GetDecimal();
    }
}
