using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Kushiro.OpenData.Api.Tests;

/// <summary>
/// The real API on a real PostgreSQL server, in a database of its own, when KUSHIRO_TEST_POSTGRES names a
/// server (a connection string without Database, for a role that may create databases). .ci/run starts one.
/// </summary>
public sealed class PostgreSqlApiFactory(string? seedDirectory = null, string? database = null) : ApiFactory(seedDirectory)
{
    public static string? ServerConnectionString => Environment.GetEnvironmentVariable("KUSHIRO_TEST_POSTGRES");

    public string Database { get; } = database ?? $"kushiro_test_{Guid.NewGuid():N}";

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    protected override void ConfigureStore(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:Provider", "postgresql");
        builder.UseSetting("ConnectionStrings:Store", ConnectionStringFor(Database));
    }

    /// <summary>Drops a test database; tests that share one across factories call it when done.</summary>
    public static void Drop(string database)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}

/// <summary>A test that needs a PostgreSQL server; skipped, saying why, when KUSHIRO_TEST_POSTGRES is not set.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (string.IsNullOrEmpty(PostgreSqlApiFactory.ServerConnectionString))
        {
            Skip = "Set KUSHIRO_TEST_POSTGRES to a PostgreSQL connection string (as .ci/run does) to run the PostgreSQL store tests.";
        }
    }
}
