using Kushiro.OpenData.Api.Data.Providers;
using Kushiro.OpenData.Api.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        switch (configuration["Store:Provider"]?.ToLowerInvariant() ?? "sqlite")
        {
            case "sqlite":
                services.AddDbContext<SqliteStoreContext>(o => o.UseSqlite(SqliteFile(connectionString ?? DefaultConnectionString, contentRoot)));
                services.AddScoped<OpenDataContext>(s => s.GetRequiredService<SqliteStoreContext>());
                break;
            case "postgresql":
                services.AddDbContext<PostgreSqlStoreContext>(o => o.UseNpgsql(connectionString
                    ?? throw new InvalidOperationException($"Store:Provider is postgresql but ConnectionStrings:{ConnectionStringName} is not set.")));
                services.AddScoped<OpenDataContext>(s => s.GetRequiredService<PostgreSqlStoreContext>());
                break;
            case var other:
                throw new InvalidOperationException($"Store:Provider \"{other}\" is not one of: sqlite, postgresql.");
        }
        services.AddSingleton<DatasetVersion>();
        services.AddHostedService<DatasetVersionRefresher>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SeedImporter>();
        services.AddSingleton<Themes.ThemeCatalog>();
        services.AddSingleton<Labels.EnglishLabels>();
        // The whole tree in memory, for GraphQL, JSON-LD, CSV's leading columns, search and the exports.
        services.AddSingleton<Strategy.ReadModel.StrategyReadModel>();
        services.AddScoped<Themes.ThemedPages>();
        return services;
    }

    // Instances starting together on one shared store (PostgreSQL) race to import the same seed; the loser's
    // transaction fails on a key the winner just wrote, and on a second look it finds the store up to date.
    private static async Task<bool> ImportOnceAcrossInstancesAsync(IServiceProvider services, StrategySeed seed, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                return await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(seed, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    // The same race for migrations: each runs in a transaction, so the loser's attempt rolls back (say, "relation
    // already exists"), and on a second look the winner's history shows them applied.
    private static async Task MigrateOnceAcrossInstancesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<OpenDataContext>().Database.MigrateAsync(cancellationToken);
                return;
            }
            catch (System.Data.Common.DbException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt), cancellationToken);
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

    /// <summary>
    /// Validates the seed first (a bad seed throws <see cref="SeedValidationException"/> before the store is
    /// opened), then applies migrations and syncs the seed-owned tables when the seed's hash changed.
    /// </summary>
    public static async Task BringStoreUpToDateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var seed = SeedReader.Read(SeedDirectory(configuration));

        await MigrateOnceAcrossInstancesAsync(services, cancellationToken);
        var changed = await ImportOnceAcrossInstancesAsync(services, seed, cancellationToken);
        // Code lists and alignments are served from memory: small, and changed only with the seed.
        services.GetRequiredService<Themes.ThemeCatalog>().Load(seed.Schemes, seed.Alignments, seed.SubMeasureThemes);
        services.GetRequiredService<Labels.EnglishLabels>().Load(seed.EnglishLabels);
        await services.GetRequiredService<DatasetVersion>().RefreshAsync(services, cancellationToken);

        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreSetup)).LogInformation(
            "Store {Action} from seed {Hash}: {Goals} goals, {Measures} measures, {SubMeasures} sub-measures",
            changed ? "updated" : "already up to date", seed.Hash[..12], seed.Goals.Count, seed.Measures.Count, seed.SubMeasures.Count);
    }
}
