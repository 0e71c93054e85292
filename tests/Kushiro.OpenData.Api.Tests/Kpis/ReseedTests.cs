using Kushiro.OpenData.Api.Tests.Seed;

namespace Kushiro.OpenData.Api.Tests.Kpis;

/// <summary>Staff-entered figures survive re-seeds; a seed that would lose them is refused before it changes anything.</summary>
public sealed class ReseedTests : IDisposable
{
    private readonly SeedFolder seed = new();
    private readonly string store = Path.Combine(Directory.CreateTempSubdirectory("kushiro-reseed-").FullName, "store.db");

    [Fact]
    public async Task AReseedKeepsStaffEnteredObservationsAndAppliesTheSeedsOwnEdits()
    {
        using (var first = new ApiFactory(seed.Path, store))
        {
            var staff = first.WithKey(await StaffClient.CreateKeyWithCommandAsync(first));
            var put = await staff.PutJsonAsync("/api/v1/kpis/population-outlook/observations/2020-10-01", StaffClient.Figure(165000));
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        seed.EditRecord("kpis.json", 1, kpi => kpi["definition"] = "釧路市の総人口（編集後）。");
        using var second = new ApiFactory(seed.Path, store);
        var kpi = await second.CreateClient().GetJsonAsync("/api/v1/kpis/population-outlook");

        Assert.Equal("釧路市の総人口（編集後）。", kpi.Text("definition"));
        var staffFigure = (await second.CreateClient().GetJsonAsync("/api/v1/kpis/population-outlook/observations")).Items()
            .Single(o => o.Text("period") == "2020-10-01");
        Assert.Equal(165000m, staffFigure.GetProperty("value").GetDecimal());
        Assert.Equal("staff", staffFigure.Text("origin"));
        Assert.Equal("2020-10-01", kpi.GetProperty("latest").Text("period"));
    }

    [Fact]
    public async Task ASeedThatWouldDropAKpiWithStaffFiguresIsRefusedAndTheStoreKept()
    {
        using (var first = new ApiFactory(seed.Path, store))
        {
            var staff = first.WithKey(await StaffClient.CreateKeyWithCommandAsync(first));
            await staff.PutJsonAsync("/api/v1/kpis/population-outlook/observations/2020-10-01", StaffClient.Figure(165000));
        }

        seed.Write("kpis.json", "[]");
        using (var refused = new ApiFactory(seed.Path, store))
        {
            Assert.ThrowsAny<Exception>(() => refused.CreateClient());
            Assert.True(refused.Problems.Any(m => m.Contains("kpis.json") && m.Contains("population-outlook") && m.Contains("staff")), string.Join("\n", refused.Problems));
        }

        seed.Dispose();
        using var restored = new ApiFactory(RepositoryFiles.SeedDirectory, store);
        var observations = (await restored.CreateClient().GetJsonAsync("/api/v1/kpis/population-outlook/observations")).Items();
        Assert.Contains(observations, o => o.Text("period") == "2020-10-01" && o.Text("origin") == "staff");
    }

    [Fact]
    public async Task EditingOnlyAThemeMappingMovesTheDataAndAnnouncesItInTheFeed()
    {
        using (var first = new ApiFactory(seed.Path, store))
        {
            Assert.DoesNotContain("1-1-1", (await first.CreateClient().GetJsonAsync("/api/v1/sub-measures?limit=200&theme=sdgs:12")).Items().Select(s => s.Text("id")));
        }
        seed.EditFile("sub-measure-themes.json", root => root.AsArray().Add(new System.Text.Json.Nodes.JsonObject
        {
            ["subMeasureId"] = "1-1-1", ["scheme"] = "sdgs", ["code"] = "12", ["provenance"] = "editorial", ["rationale"] = "テストのための対応付け。",
        }));

        using var second = new ApiFactory(seed.Path, store);
        var client = second.CreateClient();
        Assert.Contains("1-1-1", (await client.GetJsonAsync("/api/v1/sub-measures?limit=200&theme=sdgs:12")).Items().Select(s => s.Text("id")));
        var last = (await client.GetJsonAsync("/api/v1/changes?limit=200")).Items().Last();
        Assert.Equal(("seed", "updated", "seed"), (last.Text("actor"), last.Text("action"), last.Text("resourceType")));
    }

    public void Dispose()
    {
        if (Directory.Exists(seed.Path))
        {
            seed.Dispose();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(store)!, recursive: true);
    }
}
