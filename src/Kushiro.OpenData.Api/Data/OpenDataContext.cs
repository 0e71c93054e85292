using Kushiro.OpenData.Api.ApiKeys;
using Kushiro.OpenData.Api.Changes;
using Kushiro.OpenData.Api.Kpis;
using Kushiro.OpenData.Api.Strategy;
using Microsoft.EntityFrameworkCore;

namespace Kushiro.OpenData.Api.Data;

/// <summary>
/// The one store of the API. Provider-neutral: nothing here or in queries is specific to a database. Each
/// provider has a subclass of its own only so that it can keep its own migrations (see Data/Providers).
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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OpenDataContext).Assembly);
}
