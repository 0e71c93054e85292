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
    public async Task EverySeedCollisionWithStaffDataIsNamedAtOnceAndTheStoreKept()
    {
        using (var first = new ApiFactory(seed.Path, store))
        {
            var staff = first.WithKey(await StaffClient.CreateKeyWithCommandAsync(first));
            Assert.Equal(System.Net.HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("staff-kpi"))).StatusCode);
            var put = await staff.PutJsonAsync("/api/v1/kpis/population-outlook/observations/2020-10-01", StaffClient.Figure(165000));
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        // A seed KPI taking the staff KPI's ID, and a seed figure for the period staff already gave a figure.
        seed.EditFile("kpis.json", root =>
        {
            var copy = root.AsArray()[0]!.DeepClone().AsObject();
            copy["id"] = "staff-kpi";
            root.AsArray().Add(copy);
        });
        seed.EditRecord("kpis.json", 1, kpi => kpi["observations"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject
        {
            ["period"] = "2020-10-01", ["value"] = 165077, ["source"] = new System.Text.Json.Nodes.JsonObject { ["title"] = "国勢調査" }, ["provenance"] = "editorial",
        }));
        using (var refused = new ApiFactory(seed.Path, store))
        {
            Assert.ThrowsAny<Exception>(() => refused.CreateClient());
            var problems = string.Join("\n", refused.Problems);
            Assert.Contains("\"staff-kpi\" is already the ID of a KPI entered by staff", problems);
            Assert.Contains("period \"2020-10-01\" already has a figure entered by staff (value 165000)", problems);
        }

        seed.Dispose();
        using var restored = new ApiFactory(RepositoryFiles.SeedDirectory, store);
        var observation = (await restored.CreateClient().GetJsonAsync("/api/v1/kpis/population-outlook/observations")).Items().Single(o => o.Text("period") == "2020-10-01");
        Assert.Equal((165000m, "staff"), (observation.GetProperty("value").GetDecimal(), observation.Text("origin")));
    }

    [Fact]
    public async Task ASeedThatWouldDropTheMeasureOfAStaffKpiIsRefusedAndTheKpiKept()
    {
        using (var first = new ApiFactory(seed.Path, store))
        {
            var staff = first.WithKey(await StaffClient.CreateKeyWithCommandAsync(first));
            var created = await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("coal-kpi", goalId: "1", measureId: "1-6"));
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }

        RemoveMeasure("1-6");
        using (var refused = new ApiFactory(seed.Path, store))
        {
            Assert.ThrowsAny<Exception>(() => refused.CreateClient());
            Assert.True(refused.Problems.Any(m => m.Contains("measures.json") && m.Contains("\"1-6\"") && m.Contains("coal-kpi")), string.Join("\n", refused.Problems));
        }

        // Before, the import went through and the KPI had silently become its goal's (measureId null), for good.
        seed.Dispose();
        using var restored = new ApiFactory(RepositoryFiles.SeedDirectory, store);
        var kpi = await restored.CreateClient().GetJsonAsync("/api/v1/kpis/coal-kpi");
        Assert.Equal(("measure", "1", "1-6"), (kpi.Text("level"), kpi.Text("goalId"), kpi.Text("measureId")));
    }

    [Fact]
    public async Task ASeedThatWouldDropTheGoalOfAStaffKpiIsRefused()
    {
        using (var first = new ApiFactory(seed.Path, store))
        {
            var staff = first.WithKey(await StaffClient.CreateKeyWithCommandAsync(first));
            Assert.Equal(System.Net.HttpStatusCode.Created, (await staff.PostJsonAsync("/api/v1/kpis", StaffClient.NewKpi("goal-kpi", goalId: "4"))).StatusCode);
        }

        RemoveMeasure("4-1");
        RemoveMeasure("4-2");
        seed.EditFile("goals.json", root => root.AsArray().Remove(root.AsArray().Single(g => (string?)g!["id"] == "4")));
        seed.EditFile("alignments.json", root =>
        {
            foreach (var alignment in root.AsArray().Where(a => (string?)a!["goalId"] == "4").ToList())
            {
                root.AsArray().Remove(alignment);
            }
        });
        seed.EditFile("english-labels.json", root => root.AsArray().Remove(root.AsArray().Single(l => (string?)l!["id"] == "4")));
        using var refused = new ApiFactory(seed.Path, store);

        Assert.ThrowsAny<Exception>(() => refused.CreateClient());
        Assert.True(refused.Problems.Any(m => m.Contains("goals.json") && m.Contains("goal \"4\"") && m.Contains("goal-kpi")), string.Join("\n", refused.Problems));
    }

    // The measure, its sub-measures, and what names them: what an editor removing a measure from the plan would do.
    private void RemoveMeasure(string id)
    {
        var subMeasures = new HashSet<string>();
        seed.EditFile("measures.json", root => root.AsArray().Remove(root.AsArray().Single(m => (string?)m!["id"] == id)));
        seed.EditFile("sub-measures.json", root =>
        {
            foreach (var sub in root.AsArray().Where(s => (string?)s!["measureId"] == id).ToList())
            {
                subMeasures.Add((string)sub!["id"]!);
                root.AsArray().Remove(sub);
            }
        });
        seed.EditFile("sub-measure-themes.json", root =>
        {
            foreach (var mapping in root.AsArray().Where(m => subMeasures.Contains((string)m!["subMeasureId"]!)).ToList())
            {
                root.AsArray().Remove(mapping);
            }
        });
        seed.EditFile("english-labels.json", root =>
        {
            foreach (var label in root.AsArray().Where(l => (string?)l!["id"] == id || subMeasures.Contains((string)l!["id"]!)).ToList())
            {
                root.AsArray().Remove(label);
            }
        });
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
