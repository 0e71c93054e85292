using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Tests.Seed;

public sealed class StoreSchemaTests
{
    // A model change without a migration would leave existing stores behind. Each provider keeps its own
    // migrations; `dotnet ef migrations add <Name> --context <Provider>StoreContext` adds one (see README).
    public static TheoryData<string> Providers => ["sqlite", "postgresql"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheModelHasNoChangesMissingFromTheProvidersMigrations(string provider)
    {
        // Neither check connects to a database.
        using OpenDataContext db = provider == "sqlite"
            ? new SqliteStoreContext(new DbContextOptionsBuilder<SqliteStoreContext>().UseSqlite("Data Source=unused.db").Options)
            : new PostgreSqlStoreContext(new DbContextOptionsBuilder<PostgreSqlStoreContext>().UseNpgsql("Host=unused").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
