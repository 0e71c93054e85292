namespace Kushiro.OpenData.Api.Tests;

/// <summary>Files of the repository itself (the real seed, the committed contracts), found from the test binaries.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string SeedDirectory => Path.Combine(Root, "seed");

    public static string SourceDocument => Path.Combine(SeedDirectory, "kushiro-2nd-strategy-policy-structure.txt");

    public static string Contract(string name) => Path.Combine(Root, "openapi", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kushiro.OpenData.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Kushiro.OpenData.sln not found above " + AppContext.BaseDirectory);
    }
}
