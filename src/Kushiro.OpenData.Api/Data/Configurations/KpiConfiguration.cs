using Kushiro.OpenData.Api.Data.Seed;
using Kushiro.OpenData.Api.Kpis;
using Kushiro.OpenData.Api.Strategy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kushiro.OpenData.Api.Data.Configurations;

internal sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(SeedReader.MaxKpiIdLength);
        builder.Ignore(x => x.Level);
        builder.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Goal>().WithMany().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Measure>().WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
        // Restrict, not cascade: removing a KPI must never take staff-entered figures with it unnoticed.
        builder.HasMany(x => x.Figures).WithOne().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KpiFigureConfiguration : IEntityTypeConfiguration<KpiFigure>
{
    public void Configure(EntityTypeBuilder<KpiFigure> builder)
    {
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.KpiId, x.Role, x.Period }).IsUnique();
        builder.Property(x => x.Period).HasMaxLength(16);
        builder.Property(x => x.Value).HasPrecision(28, 8);
    }
}
