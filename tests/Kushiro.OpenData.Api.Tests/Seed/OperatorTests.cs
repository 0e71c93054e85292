using System.Net;
using System.Net.Sockets;

namespace Kushiro.OpenData.Api.Tests.Seed;

/// <summary>What an operator sees from the real executable: exit codes and messages on the console.</summary>
public sealed class OperatorTests
{
    [Fact]
    public async Task BrokenSeedStopsTheServerWithTheProblemOnTheConsoleAndExitCodeOne()
    {
        using var seed = new SeedFolder().EditRecord("goals.json", 2, g => g.Remove("title"));
        var database = Path.Combine(seed.Path, "..", "store.db");
        var result = await AppProcess.RunAsync(["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { ["Seed__Directory"] = seed.Path, ["ConnectionStrings__Store"] = $"Data Source={database}" },
            Path.GetDirectoryName(seed.Path)!);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("seed/goals.json, record 2 (id \"2\"), field \"title\": is required", result.Output + result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database), "the store must not be created from a broken seed");
    }

    [Fact]
    public async Task AStoreThatCannotBeOpenedStopsTheServerWithExitCodeOneAndSaysSo()
    {
        using var seed = new SeedFolder();
        // A folder where the database file should be: SQLite cannot open it.
        var notAFile = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(seed.Path)!, "store.db")).FullName;
        var result = await AppProcess.RunAsync(["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { ["Seed__Directory"] = seed.Path, ["ConnectionStrings__Store"] = $"Data Source={notAFile}" },
            Path.GetDirectoryName(seed.Path)!);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Not starting: the store could not be opened", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Contains("SQLite Error 10", result.Output + result.Error, StringComparison.Ordinal);
        // The sentence says all: no stack trace after it, and no retries (a folder does not turn into a file).
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("attempt 1 of 5", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConnectionStringThatCannotBeReadStopsTheStartWithOneSentence()
    {
        using var seed = new SeedFolder();
        var result = await AppProcess.RunAsync(["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { ["Seed__Directory"] = seed.Path, ["ConnectionStrings__Store"] = "Data Sourc=store.db" },
            Path.GetDirectoryName(seed.Path)!);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Not starting: the store could not be opened (see ConnectionStrings:Store and Store:Provider): ", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Contains("data sourc", result.Output + result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Store__Provider", "mysql", "Not starting: Store:Provider \"mysql\" is not one of: sqlite, postgresql.")]
    [InlineData("Logging__LogLevel__Default", "Loud", "Not starting: Logging:LogLevel:Default is \"Loud\", not a log level")]
    [InlineData("Logging__Console__loglevel__Default", "Loud", "Not starting: Logging:Console:loglevel:Default is \"Loud\", not a log level")]
    [InlineData("Logging__LogLevel__Default", "7", "Not starting: Logging:LogLevel:Default is \"7\", not a log level")] // started, and logged nothing at all
    [InlineData("RateLimit__PermitsPerMinute", "-1", "Not starting: RateLimit:PermitsPerMinute must be")]
    public async Task ABadSettingStopsTheServerWithExitCodeOneNamingItBeforeTheStoreIsMade(string variable, string value, string said)
    {
        // The first two aborted the runtime (exit 134, an unhandled exception), which service managers read as a crash;
        // the third was refused only after the store had been made and filled.
        using var seed = new SeedFolder();
        var database = Path.Combine(Path.GetDirectoryName(seed.Path)!, "store.db");
        var result = await AppProcess.RunAsync(["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { ["Seed__Directory"] = seed.Path, ["ConnectionStrings__Store"] = $"Data Source={database}", [variable] = value },
            Path.GetDirectoryName(seed.Path)!);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(said, result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Output + result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database), "the store must not be made before the settings are checked");
    }

    // Kestrel read "53O1" (a letter O) as part of the host, and a host that is no address as every address: the
    // server listened on port 80 of every interface, without a word.
    [Theory]
    [InlineData("--urls", "http://127.0.0.1:53O1", "urls holds \"http://127.0.0.1:53O1\"")]
    [InlineData("--urls", "http://127.0.0.1:5000;http://127.0.0.1:99999", "urls holds \"http://127.0.0.1:99999\"")]
    [InlineData("--http_ports", "80a", "http_ports is \"80a\"")]
    [InlineData("--Kestrel:Endpoints:Main:Url", "http://localhost:5OOO", "Kestrel:Endpoints:Main:Url holds \"http://localhost:5OOO\"")]
    public async Task AListenAddressKestrelWouldMisreadStopsTheStart(string option, string value, string said)
    {
        using var seed = new SeedFolder();
        var database = Path.Combine(Path.GetDirectoryName(seed.Path)!, "store.db");
        var result = await AppProcess.RunAsync([option, value],
            new Dictionary<string, string> { ["Seed__Directory"] = seed.Path, ["ConnectionStrings__Store"] = $"Data Source={database}" },
            Path.GetDirectoryName(seed.Path)!);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Not starting: {said}", result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", result.Output + result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database), "the store must not be made before the settings are checked");
    }

    [Fact]
    public async Task AnAddressInUseStopsTheServerWithExitCodeOneAndSaysSo()
    {
        using var seed = new SeedFolder();
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)occupant.LocalEndpoint).Port}";
        var result = await AppProcess.RunAsync(["--urls", address],
            new Dictionary<string, string>
            {
                ["Seed__Directory"] = seed.Path,
                ["ConnectionStrings__Store"] = $"Data Source={Path.Combine(Path.GetDirectoryName(seed.Path)!, "store.db")}",
            },
            Path.GetDirectoryName(seed.Path)!);
        // An operator's script or service manager reads the exit code: 1, as for the other reasons not to start, not
        // the runtime's abort for an unhandled exception.
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Not starting: Failed to bind to address {address}: address already in use", result.Output + result.Error, StringComparison.Ordinal);
        // The services that were running stop as in a shutdown: no failure beside the one that matters, and that one in
        // a sentence, not after the host's 30-line stack trace.
        Assert.DoesNotContain("BackgroundService failed", result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConfiguredServerStartsWithoutAWarningAndWritesNothingIntoItsHomeFolder()
    {
        using var seed = new SeedFolder();
        var folder = Path.GetDirectoryName(seed.Path)!;
        // A home of its own, as a container's would be: data protection (which the API does not use) would write its
        // key ring there and warn that it is not encrypted.
        var home = Directory.CreateDirectory(Path.Combine(folder, "home")).FullName;
        var result = await AppProcess.ServeAsync(
            new Dictionary<string, string>
            {
                ["Seed__Directory"] = seed.Path,
                ["ConnectionStrings__Store"] = $"Data Source={Path.Combine(folder, "store.db")}",
                ["LinkedData__BaseIri"] = "https://opendata.example.jp",
                ["HOME"] = home,
            },
            // Started from the project folder, as `dotnet run` starts it: its appsettings.json and wwwroot are there.
            Path.Combine(RepositoryFiles.Root, "src", "Kushiro.OpenData.Api"),
            async address =>
            {
                using var client = new HttpClient { BaseAddress = address };
                Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/v1/goals")).StatusCode);
            });
        Assert.DoesNotContain("warn:", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Contains("Store updated from seed", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(home));
    }

    [Fact]
    public async Task MakingAKeyPrintsItWithoutTheServersWarnings()
    {
        // The command makes no JSON-LD IRIs: the server's warning about LinkedData:BaseIri was noise there.
        using var seed = new SeedFolder();
        var folder = Path.GetDirectoryName(seed.Path)!;
        var result = await AppProcess.RunAsync(["apikey", "create", "--name", "担当", "--scope", "kpi:write"],
            new Dictionary<string, string> { ["Seed__Directory"] = seed.Path, ["ConnectionStrings__Store"] = $"Data Source={Path.Combine(folder, "store.db")}" },
            folder);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches("kod_[A-Za-z0-9_-]+", result.Output);
        Assert.DoesNotContain("warn:", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysAreListedAndRevokedWhileTheSeedIsBrokenAndNoKeyCommandImportsTheSeed()
    {
        using var seed = new SeedFolder();
        var folder = Path.GetDirectoryName(seed.Path)!;
        var settings = new Dictionary<string, string> { ["Seed__Directory"] = seed.Path, ["ConnectionStrings__Store"] = $"Data Source={Path.Combine(folder, "store.db")}" };
        var created = await AppProcess.RunAsync(["apikey", "create", "--name", "漏れた鍵"], settings, folder);
        Assert.Equal(0, created.ExitCode);
        // A new store is said to be one, with where it is: a mistyped path would otherwise look like lost data.
        Assert.Contains($"Created a new, empty store: {Path.Combine(folder, "store.db")}", created.Error, StringComparison.Ordinal);
        var id = (await AppProcess.RunAsync(["apikey", "list"], settings, folder)).Output.Split('\t')[0];

        // An editor is midway through the seed (a goal without its title) when a key leaks.
        seed.EditRecord("goals.json", 2, g => g.Remove("title"));
        var revoked = await AppProcess.RunAsync(["apikey", "revoke", id], settings, folder);
        var listed = await AppProcess.RunAsync(["apikey", "list"], settings, folder);

        Assert.Equal(0, revoked.ExitCode);
        Assert.Contains("revoked", listed.Output, StringComparison.Ordinal);
        // Neither command read the seed, let alone imported it: the server's own start does that, and says so.
        Assert.DoesNotContain("Created a new", revoked.Error + listed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("from seed", created.Error + revoked.Error + listed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("seed is invalid", created.Error + revoked.Error + listed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedCheckPassesOnTheRepositorySeed()
    {
        var result = await AppProcess.RunAsync(["seed", "check", "--dir", RepositoryFiles.SeedDirectory], new Dictionary<string, string>(), Path.GetTempPath());
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("4 goals, 17 measures, 47 sub-measures", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedCheckFailsOnABrokenSeedNamingTheProblem()
    {
        using var seed = new SeedFolder().EditRecord("municipalities.json", 2, m => m["code"] = "012067");
        var result = await AppProcess.RunAsync(["seed", "check"], new Dictionary<string, string> { ["Seed__Directory"] = seed.Path }, Path.GetTempPath());
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("seed/municipalities.json, record 2 (id \"012067\"), field \"code\"", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("seed", "chek")]
    [InlineData("Seed", "check")]
    [InlineData("seed", "check", "--directory", "x")]
    public async Task MistypedSeedCommandIsAUsageErrorNotAServerStart(params string[] arguments)
    {
        using var seed = new SeedFolder();
        var workingDirectory = Path.GetDirectoryName(seed.Path)!;
        var result = await AppProcess.RunAsync(arguments, new Dictionary<string, string>(), workingDirectory);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: seed check", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(workingDirectory, "data")));
    }
}
