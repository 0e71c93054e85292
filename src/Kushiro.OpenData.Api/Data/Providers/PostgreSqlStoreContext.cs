using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kushiro.OpenData.Api.Data.Providers;

/// <summary>The store on PostgreSQL, for deployments that outgrow one machine. Migrations in Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlStoreContext(DbContextOptions<PostgreSqlStoreContext> options) : OpenDataContext(options);

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgreSqlStoreContext</c> build the model without a server:
/// generating a migration never connects.
/// </summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlStoreContext>
{
    public PostgreSqlStoreContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlStoreContext>().UseNpgsql("Host=design-time-only").Options);
}
