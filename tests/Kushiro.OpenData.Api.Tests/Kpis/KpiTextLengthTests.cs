using System.Net;
using System.Text.Json;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>
/// Text limits count characters, as the contract's maxLength does (JSON Schema counts characters): a client that
/// checks a body against the published schema must not be refused for a kanji outside the basic plane (𠮷, 𩸽),
/// which is one character but two UTF-16 units.
/// </summary>
public sealed class KpiTextLengthTests(WritableApiFactory api) : IClassFixture<WritableApiFactory>
{
    private const string Yoshi = "𠮷";

    [Fact]
    public async Task AUnitAtTheContractsMaxLengthInCharactersIsAcceptedAndOneMoreIsRefused()
    {
        var contract = await api.CreateClient().GetJsonAsync("/openapi/v1.json");
        var maxLength = contract.GetProperty("components").GetProperty("schemas").GetProperty("NewKpiInput")
            .GetProperty("properties").GetProperty("unit").GetProperty("maxLength").GetInt32();
        var staff = api.WithKey(await StaffClient.CreateKeyWithCommandAsync(api));

        var atLimit = await staff.PostJsonAsync("/api/v1/kpis", Kpi("unit-at-limit", string.Concat(Enumerable.Repeat(Yoshi, maxLength))));
        var overLimit = await staff.PostJsonAsync("/api/v1/kpis", Kpi("unit-over-limit", string.Concat(Enumerable.Repeat(Yoshi, maxLength + 1))));

        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
        var stored = await api.CreateClient().GetJsonAsync("/api/v1/kpis/unit-at-limit");
        Assert.Equal(maxLength, stored.Text("unit").EnumerateRunes().Count());
        Assert.Equal(HttpStatusCode.BadRequest, overLimit.StatusCode);
        var problem = JsonDocument.Parse(await overLimit.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("unit", out _), problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/kpis/unit-over-limit")).StatusCode);
    }

    private static object Kpi(string id, string unit) => new
    {
        id, name = "テスト指標", definition = "テストのための指標。", unit, direction = "increase",
    };
}
