using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.Tests.Seed;

/// <summary>
/// Instances sharing a store serve code lists, theme mappings and English labels from their own seed folders. One
/// started with another seed re-seeds the store; the instance already serving then still answers with its own seed's
/// mappings, so its /health says so, and its log, once.
/// </summary>
public sealed class SharedStoreSeedTests
{
    [Fact]
    public async Task AnInstanceWhoseSeedIsNoLongerTheStoresIsDegradedAndSaysWhy()
    {
        using var first = new ApiFactory();
        // The store's seed is read with its Last-Modified, every Store:RefreshSeconds: a short one for the test.
        first.Settings["Store:RefreshSeconds"] = "0.05";
        var firstClient = first.CreateClient();
        Assert.Equal("Healthy", await firstClient.GetStringAsync("/health"));
        // A new release's seed maps 1-1-1 to SDG 2 besides SDG 14, as a rolling deployment would bring it.
        using var seed = new SeedFolder().EditFile("sub-measure-themes.json", root => root.AsArray().Insert(0, new JsonObject
        {
            ["subMeasureId"] = "1-1-1", ["scheme"] = "sdgs", ["code"] = "2", ["provenance"] = "editorial",
            ["rationale"] = "「林業」の振興は食料の生産にも当たる。",
        }));
        using var second = new ApiFactory(seed.Path, first.DatabasePath);

        Assert.Equal("Healthy", await second.CreateClient().GetStringAsync("/health"));
        var health = await firstClient.GetAsync("/health");
        for (var waited = 0; waited < 200 && !(await health.Content.ReadAsStringAsync()).StartsWith("Degraded", StringComparison.Ordinal); waited++)
        {
            await Task.Delay(50);
            health = await firstClient.GetAsync("/health");
        }
        await firstClient.GetAsync("/health");

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        var report = (await health.Content.ReadAsStringAsync()).Split('\n');
        Assert.Equal("Degraded", report[0]);
        Assert.Matches("^seed: Another instance brought the store to seed [0-9a-f]{12}; this server serves code lists, theme mappings and English labels from its own seed [0-9a-f]{12}. Restart it with the same seed folder \\(Seed:Directory\\).$",
            Assert.Single(report[1..]));
        // Its own warning once, however many refreshes and probes saw it (ASP.NET Core adds its line for each Degraded
        // probe, as it does for a read-only store, whose check logs nothing of its own).
        var warning = Assert.Single(first.Problems, p => p.StartsWith("Seed ", StringComparison.Ordinal));
        Assert.Matches("^Seed [0-9a-f]{12} is in the store, brought by another instance; this server serves seed [0-9a-f]{12} \\(Seed:Directory\\): restart it with the same seed folder$", warning);
    }
}
