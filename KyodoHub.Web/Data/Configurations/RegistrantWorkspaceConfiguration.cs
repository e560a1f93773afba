using KyodoHub.Core.Registrants;
using KyodoHub.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoHub.Web.Data.Configurations;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => f.RegistrantId).IsUnique();
        builder.HasOne<Registrant>().WithMany().HasForeignKey(f => f.RegistrantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DataDeletionRequestConfiguration : IEntityTypeConfiguration<DataDeletionRequest>
{
    public void Configure(EntityTypeBuilder<DataDeletionRequest> builder)
    {
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.Reason).HasMaxLength(500);
        builder.Property(d => d.RequestedBy).HasMaxLength(256);
        builder.Property(d => d.ClosedBy).HasMaxLength(256);
        builder.HasOne<Registrant>().WithMany().HasForeignKey(d => d.RegistrantId).OnDelete(DeleteBehavior.Cascade);
        // At most one waiting request per registrant, even when two arrive at once.
        builder.HasIndex(d => d.RegistrantId).IsUnique().HasFilter($"\"{nameof(DataDeletionRequest.State)}\" = {(int)DeletionRequestState.Requested}");
        builder.HasIndex(d => d.State);
        builder.Ignore(d => d.IsWaiting);
        builder.Ignore(d => d.DomainEvents);
    }
}
