using KyodoHub.Core.Offers;
using KyodoHub.Web.Features.Offers.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoHub.Web.Data.Configurations;

internal sealed class OfferAnswerLinkConfiguration : IEntityTypeConfiguration<OfferAnswerLink>
{
    public void Configure(EntityTypeBuilder<OfferAnswerLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(OfferAnswerLink.HashLength);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.OfferId);
        // Two clicks at once: the second save finds the link used and changes nothing.
        builder.Property(l => l.UsedAt).IsConcurrencyToken();
        builder.HasOne<Offer>().WithMany().HasForeignKey(l => l.OfferId).OnDelete(DeleteBehavior.Cascade);
    }
}
