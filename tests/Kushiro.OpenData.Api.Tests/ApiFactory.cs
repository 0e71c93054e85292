using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Kushiro.OpenData.Api.Tests;

/// <summary>
/// The real API in memory, on a real SQLite file in a temporary folder of its own, seeded from a seed
/// folder (by default the repository's <c>seed/</c>).
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("kushiro-opendata-tests-").FullName;

    public ApiFactory(string? seedDirectory = null, string? databasePath = null)
    {
        SeedDirectory = seedDirectory ?? RepositoryFiles.SeedDirectory;
        DatabasePath = databasePath ?? Path.Combine(folder, "store.db");
    }

    public string SeedDirectory { get; }

    public string DatabasePath { get; }

    /// <summary>More configuration for the API, set before it starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Warnings and worse that the API logged, as formatted messages.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ConfigureStore(builder);
        builder.UseSetting("Seed:Directory", SeedDirectory);
        // In memory every request comes from no address, so all of a test class's requests would share one client's
        // allowance. The limit has tests of its own (Http/ClientRateLimitTests.cs), which set it.
        builder.UseSetting("RateLimit:PermitsPerMinute", "0");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(new ProblemLoggerProvider(Problems)));
    }

    /// <summary>A setting out of range stops the start with "Not starting: …" naming the setting, before any request.</summary>
    public static void AssertStartRefused(string setting, string value)
    {
        using var api = new ApiFactory();
        api.Settings[setting] = value;

        Assert.ThrowsAny<Exception>(() => api.CreateClient());
        Assert.Contains(api.Problems, p => p.StartsWith("Not starting: ", StringComparison.Ordinal) && p.Contains(setting, StringComparison.Ordinal));
    }

    protected virtual void ConfigureStore(IWebHostBuilder builder) =>
        builder.UseSetting("ConnectionStrings:Store", $"Data Source={DatabasePath}");

    protected override void Dispose(bool disposing)
    {
        try
        {
            base.Dispose(disposing);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; failing the run over it is not.
            }
        }
    }
}

/// <summary>The API on a store of its own for one test class that writes (each test uses IDs of its own).</summary>
public sealed class WritableApiFactory : ApiFactory;

/// <summary>The API on the repository's seed, shared by the read-only tests: they never change the store.</summary>
public sealed class SharedApiFactory : ApiFactory;

[CollectionDefinition(Name)]
public sealed class ReadOnlyApi : ICollectionFixture<SharedApiFactory>
{
    public const string Name = "read-only API";
}

internal sealed class ProblemLoggerProvider(ConcurrentQueue<string> problems) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ProblemLogger(problems);

    public void Dispose()
    {
    }

    private sealed class ProblemLogger(ConcurrentQueue<string> problems) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                problems.Enqueue(formatter(state, exception));
            }
        }
    }
}
