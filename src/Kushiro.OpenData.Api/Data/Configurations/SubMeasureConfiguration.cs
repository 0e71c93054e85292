using Kushiro.OpenData.Api.Data.Seed;
using Kushiro.OpenData.Api.Strategy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kushiro.OpenData.Api.Data.Configurations;

internal sealed class SubMeasureConfiguration : IEntityTypeConfiguration<SubMeasure>
{
    public void Configure(EntityTypeBuilder<SubMeasure> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(SeedReader.MaxIdLength);
        builder.HasOne(x => x.RelistingOf).WithMany(x => x.RelistedAs).HasForeignKey(x => x.RelistingOfId).OnDelete(DeleteBehavior.Restrict);
    }
}
