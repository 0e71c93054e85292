using Kushiro.OpenData.Api.Data;
using Kushiro.OpenData.Api.Data.Providers;
using Kushiro.OpenData.Api.Data.CompiledModels.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

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

    // SQLite starts on the compiled model in Data/CompiledModels/Sqlite (EF Core finds it by its assembly attribute),
    // not on OnModelCreating. A model change without `dotnet ef dbcontext optimize --nativeaot` (see README) would leave
    // queries running on the old shape: same entities, properties, keys and indexes, and the same tables and columns.
    // (Whether the generated accessors are there is CI's compiled-model check: it diffs a fresh generation.)
    [Fact]
    public void TheCompiledSqliteModelIsTheModelTheConfigurationsDescribe()
    {
        using var db = new SqliteStoreContext(new DbContextOptionsBuilder<SqliteStoreContext>().UseSqlite("Data Source=unused.db").Options);
        var compiled = db.Model;
        var described = db.GetService<IDesignTimeModel>().Model;

        Assert.IsType<SqliteStoreContextModel>(compiled);
        Assert.Equal(described.ToDebugString(MetadataDebugStringOptions.ShortDefault), compiled.ToDebugString(MetadataDebugStringOptions.ShortDefault));
        Assert.Equal(Schema(described.GetRelationalModel()), Schema(compiled.GetRelationalModel()));
    }

    // Tables as the store sees them (the migrations differ cannot read a compiled model).
    private static List<string> Schema(IRelationalModel model) =>
    [
        .. model.Tables.OrderBy(t => t.Name).SelectMany(t => new[] { $"table {t.Name} key {t.PrimaryKey?.Name}({Columns(t.PrimaryKey?.Columns)})" }
            .Concat(t.Columns.OrderBy(c => c.Name).Select(c => $"  {c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")} default {c.DefaultValue ?? c.DefaultValueSql} {Mapping(c)}"))
            .Concat(t.Indexes.OrderBy(i => i.Name).Select(i => $"  index {i.Name}({Columns(i.Columns)}) {(i.IsUnique ? "unique" : "")}"))
            .Concat(t.UniqueConstraints.OrderBy(u => u.Name).Select(u => $"  unique {u.Name}({Columns(u.Columns)})"))
            .Concat(t.ForeignKeyConstraints.OrderBy(f => f.Name).Select(f => $"  fk {f.Name}({Columns(f.Columns)}) → {f.PrincipalTable.Name} {f.OnDeleteAction}"))),
    ];

    // How values reach the column: the property's type and, through a converter, the type stored (DateTimeOffset as
    // a long, etc.). A compiled model holds converters as lambdas, so their types are compared, not their classes.
    private static string Mapping(IColumn column) =>
        string.Join(" ", column.PropertyMappings.Select(m => $"{m.Property.DeclaringType.ShortName()}.{m.Property.Name}:{m.TypeMapping.ClrType.Name}"
            + (m.TypeMapping.Converter is { } converter ? $" as {converter.ProviderClrType.Name}" : "")));

    private static string Columns(IEnumerable<IColumn>? columns) => string.Join(",", columns?.Select(c => c.Name) ?? []);
}
