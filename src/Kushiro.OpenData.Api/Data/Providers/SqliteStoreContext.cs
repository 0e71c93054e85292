using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Data.Providers;

/// <summary>The store on SQLite (the default: one file, nothing to run). Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteStoreContext(DbContextOptions<SqliteStoreContext> options) : OpenDataContext(options);
