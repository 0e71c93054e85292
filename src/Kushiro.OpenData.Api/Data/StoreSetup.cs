using Kushiro.OpenData.Api.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Data;

public static class StoreSetup
{
    public const string ConnectionStringName = "Store";
    private const string DefaultConnectionString = "Data Source=data/kushiro-opendata.db";

    /// <summary>
    /// Registers the store: SQLite by connection string <c>Store</c> (env <c>ConnectionStrings__Store</c>).
    /// A relative database path is taken from the content root, and its folder is created on first run.
    /// </summary>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        services.AddDbContext<OpenDataContext>(o => o.UseSqlite(builder.ConnectionString));
        services.AddSingleton<DatasetVersion>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SeedImporter>();
        return services;
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

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDataContext>();
        await db.Database.MigrateAsync(cancellationToken);
        var changed = await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(seed, cancellationToken);
        var state = await db.StoreStates.AsNoTracking().SingleAsync(cancellationToken);
        services.GetRequiredService<DatasetVersion>().Set(state.LastModified);

        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreSetup)).LogInformation(
            "Store {Action} from seed {Hash}: {Goals} goals, {Measures} measures, {SubMeasures} sub-measures",
            changed ? "updated" : "already up to date", seed.Hash[..12], seed.Goals.Count, seed.Measures.Count, seed.SubMeasures.Count);
    }
}
