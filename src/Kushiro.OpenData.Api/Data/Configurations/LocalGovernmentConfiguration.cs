using Kushiro.OpenData.Api.Strategy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kushiro.OpenData.Api.Data.Configurations;

internal sealed class LocalGovernmentConfiguration : IEntityTypeConfiguration<LocalGovernment>
{
    public void Configure(EntityTypeBuilder<LocalGovernment> builder)
    {
        builder.HasKey(x => x.Code);
        builder.Property(x => x.Code).HasMaxLength(6);
        builder.Property(x => x.Kind).HasMaxLength(16);
        builder.HasOne(x => x.Prefecture).WithMany().HasForeignKey(x => x.PrefectureCode).OnDelete(DeleteBehavior.Restrict);
    }
}
