using Kushiro.OpenData.Api.Data.Seed;
using Kushiro.OpenData.Api.Strategy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kushiro.OpenData.Api.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(SeedReader.MaxPlanIdLength);
        builder.HasOne(x => x.Municipality).WithMany().HasForeignKey(x => x.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(x => x.SourceDocument);
        builder.ComplexProperty(x => x.Licence);
        builder.ComplexProperty(x => x.EditorialLicence);
    }
}
