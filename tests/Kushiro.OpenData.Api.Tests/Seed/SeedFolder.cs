using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kushiro.OpenData.Api.Tests.Seed;

/// <summary>A temporary copy of the repository's seed that a test may edit as a clerk would.</summary>
public sealed class SeedFolder : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public SeedFolder()
    {
        Path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("kushiro-seed-").FullName, "seed");
        Directory.CreateDirectory(Path);
        foreach (var file in Directory.GetFiles(RepositoryFiles.SeedDirectory))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }
    }

    public string Path { get; }

    /// <summary>The folder holding the seed folder: where a test runs the app, and where its store goes.</summary>
    public string Parent => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>What the real app needs to serve this seed from a SQLite store beside it (<see cref="AppProcess"/>).</summary>
    public Dictionary<string, string> AppEnvironment() => new()
    {
        ["Seed__Directory"] = Path,
        ["ConnectionStrings__Store"] = $"Data Source={System.IO.Path.Combine(Parent, "store.db")}",
        ["LinkedData__BaseIri"] = "https://opendata.example.jp",
    };

    /// <summary>Edits record <paramref name="number"/> (1-based) of a seed file holding an array.</summary>
    public SeedFolder EditRecord(string file, int number, Action<JsonObject> edit) => EditFile(file, root => edit(root.AsArray()[number - 1]!.AsObject()));

    public SeedFolder EditFile(string file, Action<JsonNode> edit)
    {
        var path = System.IO.Path.Combine(Path, file);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        edit(root);
        File.WriteAllText(path, root.ToJsonString(Indented));
        return this;
    }

    public SeedFolder Write(string file, string text)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, file), text);
        return this;
    }

    public void Dispose() => Directory.Delete(Parent, recursive: true);
}
