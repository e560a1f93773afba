using KyodoHub.Core.Offers;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoHub.Web.Data.Configurations;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Property(o => o.SentBy).HasMaxLength(256);
        builder.Property(o => o.DeclineReason).HasMaxLength(500);
        builder.Property(o => o.AnswerRecordedBy).HasMaxLength(256);
        builder.HasIndex(o => new { o.RegistrantId, o.State });
        builder.HasIndex(o => new { o.RequestId, o.State });
        builder.HasOne<Request>().WithMany().HasForeignKey(o => o.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Registrant>().WithMany().HasForeignKey(o => o.RegistrantId).OnDelete(DeleteBehavior.Cascade);
        builder.ComplexProperty(o => o.Breakdown);
        builder.Ignore(o => o.IsPending);
        builder.Ignore(o => o.DomainEvents);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.CancelReason).HasMaxLength(500);
        builder.HasOne(a => a.Offer).WithOne().HasForeignKey<Assignment>(a => a.OfferId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.OfferId).IsUnique();
        builder.HasIndex(a => new { a.RegistrantId, a.State });
        builder.HasOne<Request>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Registrant>().WithMany().HasForeignKey(a => a.RegistrantId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.DomainEvents);
    }
}
