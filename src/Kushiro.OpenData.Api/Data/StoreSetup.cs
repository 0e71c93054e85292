using Kushiro.OpenData.Api.Data.Providers;
using Kushiro.OpenData.Api.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kushiro.OpenData.Api.Data;

public static class StoreSetup
{
    public const string ConnectionStringName = "Store";
    private const string DefaultConnectionString = "Data Source=data/kushiro-opendata.db";

    /// <summary>
    /// Registers the store by configuration: <c>Store:Provider</c> (env <c>Store__Provider</c>) is <c>sqlite</c>
    /// (the default) or <c>postgresql</c>; the connection string is <c>Store</c> (env <c>ConnectionStrings__Store</c>).
    /// For SQLite a relative database path is taken from the content root, and its folder is created on first run.
    /// </summary>
    /// <remarks>
    /// The context options are built once (singleton), not for every context: they depend on configuration only, and
    /// building them ran the provider set-up again for each request that reads the store.
    /// </remarks>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        switch (configuration["Store:Provider"]?.ToLowerInvariant() ?? "sqlite")
        {
            case "sqlite":
                services.AddDbContext<SqliteStoreContext>(o => LogStoreFailuresOnce(TrustTheMigrations(o.UseSqlite(SqliteFile(connectionString ?? DefaultConnectionString, contentRoot)))),
                    optionsLifetime: ServiceLifetime.Singleton);
                services.AddScoped<OpenDataContext>(s => s.GetRequiredService<SqliteStoreContext>());
                break;
            case "postgresql":
                services.AddDbContext<PostgreSqlStoreContext>(o => LogStoreFailuresOnce(TrustTheMigrations(o.UseNpgsql(connectionString
                    ?? throw new InvalidOperationException($"Store:Provider is postgresql but ConnectionStrings:{ConnectionStringName} is not set.")))),
                    optionsLifetime: ServiceLifetime.Singleton);
                services.AddScoped<OpenDataContext>(s => s.GetRequiredService<PostgreSqlStoreContext>());
                break;
            case var other:
                throw new InvalidOperationException($"Store:Provider \"{other}\" is not one of: sqlite, postgresql.");
        }
        services.AddSingleton<DatasetVersion>();
        StoreRefreshOptions.Register(services);
        services.AddHostedService<DatasetVersionRefresher>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SeedImporter>();
        services.AddSingleton<Themes.ThemeCatalog>();
        services.AddSingleton<Labels.EnglishLabels>();
        services.AddSingleton<ServedSeed>();
        // The whole tree in memory, for GraphQL, JSON-LD, CSV's leading columns, search and the exports.
        services.AddSingleton<Strategy.ReadModel.StrategyReadModel>();
        services.AddScoped<Themes.ThemedPages>();
        return services;
    }

    // Before it applies migrations, Migrate builds the model from OnModelCreating and diffs it with the last migration's
    // snapshot, to refuse a model change nobody wrote a migration for: about 0.1 s of a first run (bench/README.md).
    // That is a question about the build, not the store, and StoreSchemaTests asks it of every build for both providers;
    // with the warning off, EF Core skips the diff.
    private static DbContextOptionsBuilder TrustTheMigrations(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));

    // A store failure is logged once, by what handles it (a 503's one line, a refused start's reason, an unexpected
    // error's 500 with its stack trace). EF Core's own error logs of the same failure (command, connection, query, save)
    // came with stack traces for every request while a PostgreSQL server was down, and for the attempts that instances
    // starting together make and retry by design.
    private static DbContextOptionsBuilder LogStoreFailuresOnce(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.ConnectionError, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    // This store's migrations take well under a second: a migrations lock this old was left by a start that stopped.
    private static readonly TimeSpan StaleMigrationsLock = TimeSpan.FromSeconds(30);

    // Instances starting together on one shared store take turns on PostgreSQL (StoreSetupLock). Should two still race
    // (SQLite files shared by processes on one machine), each step is one transaction, so the loser's attempt rolls
    // back (a key or relation "already exists"), and on a second look it finds what the winner wrote.
    private static async Task<T> OnceAcrossInstancesAsync<T>(
        IServiceProvider services, Func<IServiceProvider, Task<T>> step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                return await step(scope.ServiceProvider);
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException && attempt < 5 && !StoreErrors.NeedsTheOperator(e))
            {
                // Not a failure while a look again may find the store current: EF Core's own error logs of it are
                // Debug (LogStoreFailuresOnce), so this line is what says why a start took longer.
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreSetup)).LogInformation(
                    "Bringing the store up to date, attempt {Attempt} of 5 did not go through ({Error}): looking again", attempt, e.GetBaseException().Message);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken);
            }
        }
    }

    private static string SqliteFile(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ConnectionString;
    }

    public static string SeedDirectory(IConfiguration configuration) =>
        configuration["Seed:Directory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "seed");

    // Why the store could not be brought up to date, said once, as the start stops.
    public static void LogRefusedStart(this WebApplication app, Exception e)
    {
        // A bad seed is named by file, record and field; a store that cannot be opened or migrated gets its exception.
        // So is a start that waited too long for another instance's set-up: their messages say all.
        if (e is Seed.SeedValidationException or StoreSetupLockTimeoutException)
        {
            app.Logger.LogCritical("Not starting: {Problems}", e.Message);
        }
        else if (StoreErrors.IsReadOnly(e))
        {
            // SQLite keeps its -wal and -shm files beside the store: a folder this server may not write cannot be opened
            // even to read. (A file it may not write, in a folder it may, is served read-only: /health says Degraded.)
            app.Logger.LogCritical("Not starting: this server may not write the store or its folder (ConnectionStrings:Store); "
                + "the store needs both writable to start, even to serve reads only ({Error})", e.GetBaseException().Message);
        }
        else if (StoreErrors.NeedsTheOperator(e))
        {
            app.Logger.LogCritical("Not starting: the store could not be opened (see ConnectionStrings:Store and Store:Provider): {Error}",
                e.GetBaseException().Message);
        }
        else
        {
            app.Logger.LogCritical(e, "Not starting: the store could not be brought up to date (see ConnectionStrings:Store and Store:Provider)");
        }
    }

    /// <summary>
    /// Validates the seed first (a bad seed throws <see cref="SeedValidationException"/> before the store is
    /// opened), then, unless this build already brought the store up to date with this seed, applies migrations and
    /// syncs the seed-owned tables.
    /// </summary>
    public static async Task BringStoreUpToDateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var seed = SeedReader.Read(SeedDirectory(configuration));

        var readBegan = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var import = await OnceAcrossInstancesAsync(services, s => s.GetRequiredService<SeedImporter>().UpToDateAsync(seed, cancellationToken), cancellationToken)
            ?? await MigrateAndImportAsync(services, seed, cancellationToken);
        // Code lists and alignments are served from memory: small, and changed only with the seed.
        services.GetRequiredService<Themes.ThemeCatalog>().Load(seed.Schemes, seed.Alignments, seed.SubMeasureThemes);
        services.GetRequiredService<Labels.EnglishLabels>().Load(seed.EnglishLabels);
        services.GetRequiredService<ServedSeed>().Hash = seed.Hash;
        services.GetRequiredService<DatasetVersion>().Observed(import.LastModified, readBegan);

        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreSetup)).LogInformation(
            "Store {Action} from seed {Hash} in {Milliseconds:F0} ms: {Goals} goals, {Measures} measures, {SubMeasures} sub-measures",
            import.Changed ? "updated" : "already up to date", seed.Hash[..12], System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            seed.Goals.Count, seed.Measures.Count, seed.SubMeasures.Count);
    }

    /// <summary>
    /// The store's schema only: its migrations, as a start applies them, and neither the seed's reading nor its import.
    /// For the apikey commands, which touch keys alone: a leaked key must be revocable while a broken seed is being
    /// fixed, and listing keys must not import a seed edited since the server started.
    /// </summary>
    public static async Task BringStoreSchemaUpToDateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var setupLock = await StoreSetupLock.TakeAsync(services, cancellationToken);
        await MigrateAsync(services, cancellationToken);
    }

    private static async Task<SeedImportResult> MigrateAndImportAsync(IServiceProvider services, StrategySeed seed, CancellationToken cancellationToken)
    {
        await using var setupLock = await StoreSetupLock.TakeAsync(services, cancellationToken);
        await MigrateAsync(services, cancellationToken);
        return await OnceAcrossInstancesAsync(services, s => s.GetRequiredService<SeedImporter>().ImportAsync(seed, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Says that a new, empty store was made, and where: a mistyped path or database name otherwise gave a store that
    /// looked as if the old one had lost its staff data. (On PostgreSQL the set-up lock makes the database.)
    /// </summary>
    internal static void LogCreated(IServiceProvider services, System.Data.Common.DbConnection connection) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreSetup)).LogInformation("Created a new, empty store: {Store}",
            connection is SqliteConnection ? connection.DataSource : $"database {connection.Database} on {connection.DataSource}");

    // Run with the set-up lock held.
    private static Task<bool> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        OnceAcrossInstancesAsync(services, async s =>
        {
            // Migrate does more than this check even with nothing to apply (it prepares its history table's commands),
            // so a store with nothing pending skips it; a store current for this build skips this step altogether.
            // A new store (no PostgreSQL database or SQLite file yet, or a database created empty for the API) gets its
            // database and an empty migrations history table first: migrating a store without them, EF Core would log
            // its first, failing looks at them as errors. (Instances racing to create them retry like any step here.)
            var context = s.GetRequiredService<OpenDataContext>();
            var database = context.Database;
            var creator = database.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                await creator.CreateAsync(cancellationToken);
                LogCreated(s, database.GetDbConnection());
            }
            var isNew = !await context.HasTableAsync(HistoryRepository.DefaultTableName, cancellationToken);
            if (isNew)
            {
                await database.ExecuteSqlRawAsync(database.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            }
            if (isNew || (await database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                if (await context.ReleaseStaleMigrationsLockAsync(StaleMigrationsLock, s.GetRequiredService<TimeProvider>(), cancellationToken) is { } taken)
                {
                    s.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreSetup)).LogWarning(
                        "Deleted a migrations lock taken at {Taken:O} and never released (a start stopped while it migrated the store): migrating now",
                        taken);
                }
                await database.MigrateAsync(cancellationToken);
            }
            return true;
        }, cancellationToken);
}
