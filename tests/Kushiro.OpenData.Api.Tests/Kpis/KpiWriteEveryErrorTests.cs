using System.Net;
using System.Text;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>
/// One 400 names every field that is wrong, whichever rule each breaks. A field its annotations refused (a "javascript:"
/// URL, a provenance that is neither value, an ID with a space) had hidden the others' problems, which the write path
/// checks in its own code (white space at a text's ends, a formula's first character, a measure's goal, the period), so
/// a staff form showed its errors over several round trips (an app developer's review).
/// </summary>
public sealed class KpiWriteEveryErrorTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Theory]
    [InlineData("""{"value":10,"source":{"title":"=x","url":"javascript:x"},"provenance":"editorial","note":" x"}""", "/observations/2029",
        new[] { "note", "source.title", "source.url" })]
    [InlineData("""{"value":10,"source":{"title":"t","url":"example.org","page":" p"},"provenance":"bogus","note":"x "}""", "/observations/2029",
        new[] { "note", "provenance", "source.page", "source.url" })]
    // The period in the path beside the body's fields: "period" is also a route value, and is not called white space.
    [InlineData("""{"value":10,"source":{"title":"+x"},"provenance":"bogus"}""", "/observations/20290",
        new[] { "period", "provenance", "source.title" })]
    public async Task AFigureWithSeveralProblemsIsOne400NamingEachOnceAndSavesNothing(string body, string under, string[] fields)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("every-error")).AssertAnsweredAsync(HttpStatusCode.Created, HttpStatusCode.Conflict);
        var before = await api.CreateClient().GetStringAsync("/api/v1/kpis/every-error");

        using var response = await staff.PutAsync("/api/v1/kpis/every-error" + under, new StringContent(body, Encoding.UTF8, "application/json"));

        var errors = await ErrorsAsync(response);
        Assert.Equal(fields, errors.Keys.Order(StringComparer.Ordinal));
        // One message each: [Url]'s own and the write path's URL rule do not both speak of "javascript:x".
        Assert.All(errors.Values, messages => Assert.Single(messages));
        if (errors.TryGetValue("period", out var period))
        {
            // What is wrong with it, not that the segment is white space (a route value's other error).
            Assert.StartsWith("\"20290\" is not a period", Assert.Single(period));
        }
        Assert.Equal(before, await api.CreateClient().GetStringAsync("/api/v1/kpis/every-error"));
    }

    // A role in another case passes the route's constraint (it ignores case) and is a 404 whatever the body says: the
    // automatic 400 had answered first when an annotation refused a field (a code review).
    [Theory]
    [InlineData("""{"value":10,"source":{"title":" t"},"provenance":"bogus","note":"x "}""")]
    [InlineData("""{"value":10,"source":{"title":"t"},"provenance":"editorial"}""")]
    // One the reader cannot read: the automatic 400 had answered for it too.
    [InlineData("""{"value":"10","source":{"title":"t"},"provenance":"editorial"}""")]
    public async Task ARoleInAnotherCaseIsA404WhateverTheBody(string body)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("every-error-role")).AssertAnsweredAsync(HttpStatusCode.Created, HttpStatusCode.Conflict);

        using var response = await staff.PutAsync("/api/v1/kpis/every-error-role/Targets/20290", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"Targets\"", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    // One message for one mistake: a missing source is "required", not also an official figure's missing URL; a note
    // over its length keeps its length message, not also one about its leading space.
    [Theory]
    [InlineData("""{"value":10,"provenance":"official"}""", "source")]
    [InlineData("""{"value":10,"source":{"title":"t"},"provenance":"editorial","note":" NOTE"}""", "note")]
    public async Task OneMistakeIsOneMessage(string body, string field)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("every-error-one")).AssertAnsweredAsync(HttpStatusCode.Created, HttpStatusCode.Conflict);

        using var response = await staff.PutAsync("/api/v1/kpis/every-error-one/observations/2029",
            new StringContent(body.Replace("NOTE", new string('x', 2001)), Encoding.UTF8, "application/json"));

        var errors = await ErrorsAsync(response);
        Assert.Equal([field], errors.Keys);
        Assert.Single(errors[field]);
    }

    [Fact]
    public async Task AKpiWithSeveralProblemsNamesItsGoalBesideItsAnnotatedFieldsAndIsNotCreated()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var body = """{"id":"Review KPI","goalId":"1","measureId":"2-1","name":"x","definition":"y","unit":"人","direction":"up"}""";

        using var response = await staff.PostAsync("/api/v1/kpis", new StringContent(body, Encoding.UTF8, "application/json"));

        var errors = await ErrorsAsync(response);
        Assert.Equal(["direction", "goalId", "id"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Must be \"2\", the goal of measure \"2-1\".", Assert.Single(errors["goalId"]));
        var list = await api.CreateClient().GetStringAsync("/api/v1/kpis?limit=200");
        Assert.DoesNotContain("Review KPI", list);
    }

    [Fact]
    public async Task ABodyTheReaderCannotReadIsStillItsOneError()
    {
        // The reader stops at a value of the wrong type: nothing is bound, so nothing else can be checked.
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("every-error-read")).AssertAnsweredAsync(HttpStatusCode.Created, HttpStatusCode.Conflict);
        var body = """{"value":"10","source":{"title":" t"},"provenance":"bogus"}""";

        using var response = await staff.PutAsync("/api/v1/kpis/every-error-read/observations/2029", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(["value"], (await ErrorsAsync(response)).Keys);
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        return errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }
}
