using System.Net;
using System.Text.Json.Nodes;
using Kushiro.OpenData.Api.Tests.Kpis;

namespace Kushiro.OpenData.Api.Tests.LinkedData;

/// <summary>
/// The context tags a KPI's texts @ja. Staff may write a note or a source title in English, and a triple store was then
/// told that "Preliminary figure" is Japanese. Text without Japanese script has no language tag; Japanese keeps @ja.
/// </summary>
public sealed class StaffTextLanguageTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    [Fact]
    public async Task EnglishStaffTextIsNotTaggedJapaneseAndJapaneseStillIs()
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        await staff.PostJsonAsync("/api/v1/kpis", new
        {
            id = "language-of-text",
            name = "Tourist arrivals",
            definition = "来訪者数（速報値）",
            unit = "人",
            direction = "increase",
            statistics = new { name = "Economic Census", governmentStatisticsCode = "00200552" },
        }).AssertAnsweredAsync(HttpStatusCode.Created);
        await staff.PutJsonAsync("/api/v1/kpis/language-of-text/observations/FY2022", Figure("Preliminary figure", "釧路市 観光入込客数調査"))
            .AssertAnsweredAsync(HttpStatusCode.Created, HttpStatusCode.OK);
        await staff.PutJsonAsync("/api/v1/kpis/language-of-text/targets/FY2024", Figure("目標値", "OECD Regional Statistics"))
            .AssertAnsweredAsync(HttpStatusCode.Created, HttpStatusCode.OK);

        var kpi = await api.CreateClient().GetJsonLdAsync("/api/v1/kpis/language-of-text");
        var observation = kpi["observations"]!.AsArray().Single()!;
        var target = kpi["targets"]!.AsArray().Single()!;

        // Without a language: a value object, which the context's @language does not touch.
        Assert.Equal("Tourist arrivals", Untagged(kpi["表記"]));
        Assert.Equal("Economic Census", Untagged(kpi["statistics"]!["表記"]));
        Assert.Equal("Preliminary figure", Untagged(observation["note"]));
        Assert.Equal("OECD Regional Statistics", Untagged(target["source"]!["表記"]));
        // Japanese: a plain string, which the context tags @ja.
        Assert.Equal("来訪者数（速報値）", (string)kpi["説明"]!);
        Assert.Equal("釧路市 観光入込客数調査", (string)observation["source"]!["表記"]!);
        Assert.Equal("目標値", (string)target["note"]!);
    }

    // By code point: an emoji is a surrogate pair but no script; ㈱, ㎡ and Ainu's small katakana are Japanese script
    // outside the kana and ideograph blocks (a code review).
    [Theory]
    [InlineData("Preliminary 📈", false)]
    [InlineData("ﾡﾢ half-width Hangul", false)]
    [InlineData("㈱Kushiro Research", true)]
    [InlineData("100㎡", true)]
    [InlineData("ㇰㇱㇿ", true)]
    [InlineData("𠮷野家", true)]
    [InlineData("ｶﾌﾞ", true)]
    public async Task ANoteIsJapaneseWhenItHasJapaneseScript(string note, bool japanese)
    {
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));
        var id = $"script-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(note)))[..12].ToLowerInvariant()}";
        await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi(id)).AssertAnsweredAsync(HttpStatusCode.Created);
        await staff.PutJsonAsync($"/api/v1/kpis/{id}/observations/FY2022", Figure(note, "資料")).AssertAnsweredAsync(HttpStatusCode.Created);

        var literal = (await api.CreateClient().GetJsonLdAsync($"/api/v1/kpis/{id}"))["observations"]!.AsArray().Single()!["note"];

        Assert.Equal(note, japanese ? (string?)literal : Untagged(literal));
    }

    private static object Figure(string note, string sourceTitle) => new { value = 1, note, source = new { title = sourceTitle }, provenance = "editorial" };

    private static string Untagged(JsonNode? literal)
    {
        var value = Assert.IsType<JsonObject>(literal);
        Assert.Equal(["@value"], value.Select(p => p.Key));
        return (string)value["@value"]!;
    }
}
