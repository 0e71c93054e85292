using Kushiro.OpenData.Api.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kushiro.OpenData.Api.Data.Configurations;

internal sealed class ChangeEntryConfiguration : IEntityTypeConfiguration<ChangeEntry>
{
    public void Configure(EntityTypeBuilder<ChangeEntry> builder)
    {
        builder.HasKey(x => x.Sequence);
        builder.Property(x => x.Sequence).ValueGeneratedOnAdd();
        // As a number: SQLite cannot compare DateTimeOffset text, and "changes since" must filter in the store. The
        // converter keeps 0.1 ms, cutting the rest (ChangesController rounds a since up to match).
        builder.Property(x => x.Time).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasIndex(x => x.Time);
        // A resource's last change (a deleted KPI's 404 says when): a look-up, not a scan of a table that only grows.
        builder.HasIndex(x => new { x.ResourceType, x.ResourceId, x.Sequence });
    }
}
