using Kushiro.OpenData.Api.Data.Seed;
using Kushiro.OpenData.Api.Strategy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kushiro.OpenData.Api.Data.Configurations;

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(SeedReader.MaxIdLength);
        builder.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        // Restrict, not cascade: removing a goal from the seed must never silently take data with it.
        builder.HasMany(x => x.Measures).WithOne(x => x.Goal).HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Restrict);
    }
}
