using Kushiro.OpenData.Api.Data.Seed;
using Kushiro.OpenData.Api.Strategy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kushiro.OpenData.Api.Data.Configurations;

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(SeedReader.MaxIdLength);
        builder.HasMany(x => x.SubMeasures).WithOne(x => x.Measure).HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }
}
