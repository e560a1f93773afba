using KyodoHub.Core.Areas;
using KyodoHub.Core.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoHub.Web.Data.Configurations;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.Property(g => g.Name).HasMaxLength(100);
        builder.Property(g => g.ContactName).HasMaxLength(60);
        builder.Property(g => g.ContactEmail).HasMaxLength(254);
        builder.Property(g => g.ContactPhone).HasMaxLength(20);
        builder.Property(g => g.ContactUserId).HasMaxLength(450);
        builder.HasIndex(g => g.Name);
        builder.HasOne<Area>().WithMany().HasForeignKey(g => g.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(g => g.DomainEvents);
    }
}
