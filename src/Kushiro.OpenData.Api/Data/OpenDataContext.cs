using Kushiro.OpenData.Api.ApiKeys;
using Kushiro.OpenData.Api.Changes;
using Kushiro.OpenData.Api.Kpis;
using Kushiro.OpenData.Api.Strategy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// The one store of the API. Provider-neutral: nothing in queries is specific to a database. Each provider has a
/// subclass of its own so that it can keep its own migrations (see Data/Providers), and begin transactions its way.
/// </summary>
public abstract class OpenDataContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<LocalGovernment> LocalGovernments => Set<LocalGovernment>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<SubMeasure> SubMeasures => Set<SubMeasure>();
    public DbSet<Kpi> Kpis => Set<Kpi>();
    public DbSet<KpiFigure> KpiFigures => Set<KpiFigure>();
    public DbSet<ChangeEntry> Changes => Set<ChangeEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<StoreState> StoreStates => Set<StoreState>();

    /// <summary>
    /// Starts the transaction of a change to the data (a staff write, a seed import): one at a time, across instances
    /// too. Read the store's state after this, so each change moves the stamp on from the last one. It also means the
    /// changes feed's sequence numbers are handed out in commit order, so a change never becomes visible behind one a
    /// mirror has already seen, and polling with <c>after</c> misses nothing.
    /// SQLite's transaction takes the database's one write lock when it begins (BEGIN IMMEDIATE).
    /// </summary>
    public virtual Task<IDbContextTransaction> BeginWriteAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(cancellationToken);

    /// <summary>
    /// Starts a transaction that only reads, from one snapshot: several queries see the same data even if a write
    /// commits between them. Disposing it ends it.
    /// </summary>
    public virtual async Task<IAsyncDisposable> BeginSnapshotAsync(CancellationToken cancellationToken) =>
        await Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

    /// <summary>
    /// Whether the store has the table (in the default schema), asked of the database's catalog: reading a missing
    /// table fails, and EF Core logs its own failed reads (of a new store's migrations history) as errors.
    /// </summary>
    public abstract Task<bool> HasTableAsync(string table, CancellationToken cancellationToken);

    /// <summary>Whether this server may only read the store (a file it may not write, a read-only database).</summary>
    public abstract Task<bool> IsReadOnlyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waits out a migrations lock another start holds, and deletes one older than <paramref name="staleAfter"/>,
    /// which no start migrating this store holds any more: returns when that one was taken, else null. Only SQLite
    /// keeps EF Core's lock in a table, where a process stopped while it migrated leaves it behind; PostgreSQL's lock
    /// ends with the session that took it.
    /// </summary>
    public virtual Task<DateTimeOffset?> ReleaseStaleMigrationsLockAsync(TimeSpan staleAfter, TimeProvider time, CancellationToken cancellationToken) =>
        Task.FromResult<DateTimeOffset?>(null);

    /// <summary>The table that holds <see cref="StoreState"/>, as this provider's model maps it.</summary>
    public string StoreStateTable => Model.FindEntityType(typeof(StoreState))!.GetTableName()!;

    /// <summary>Runs a query of one boolean (or 0/1) value on the context's connection.</summary>
    protected async Task<bool> AskAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        Convert.ToBoolean(await ScalarAsync(sql, cancellationToken, parameters), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs a query of one value (null for no row) on the context's connection, outside EF Core's model.</summary>
    protected async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                (parameter.ParameterName, parameter.Value) = (name, value);
                command.Parameters.Add(parameter);
            }
            return await command.ExecuteScalarAsync(cancellationToken);
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OpenDataContext).Assembly);
}
