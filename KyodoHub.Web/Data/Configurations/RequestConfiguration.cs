using KyodoHub.Core.Areas;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Requests;
using KyodoHub.Core.Skills;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoHub.Web.Data.Configurations;

internal sealed class RequestConfiguration : IEntityTypeConfiguration<Request>
{
    public void Configure(EntityTypeBuilder<Request> builder)
    {
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Title).HasMaxLength(120);
        builder.Property(r => r.Description).HasMaxLength(4000);
        builder.Property(r => r.Place).HasMaxLength(200);
        builder.Property(r => r.AccessibilityNotes).HasMaxLength(1000);
        builder.Property(r => r.CancelReason).HasMaxLength(500);
        builder.HasIndex(r => r.State);
        builder.HasIndex(r => r.CreatedAt);
        builder.HasOne<Group>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Area>().WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SkillCategory>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(r => r.Sessions, session =>
        {
            session.ToTable("RequestSessions");
            session.WithOwner().HasForeignKey("RequestId");
            session.Property<int>("Id");
            session.HasKey("Id");
            session.Property(s => s.Start);
            session.Property(s => s.End);
            session.HasIndex(s => s.Start);
            session.Ignore(s => s.Duration);
        });
        builder.Navigation(r => r.Sessions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.OpenSeats);
        builder.Ignore(r => r.FirstStart);
        builder.Ignore(r => r.LastEnd);
        builder.Ignore(r => r.IsFillable);
        builder.Ignore(r => r.IsClosed);
        builder.Ignore(r => r.DomainEvents);
    }
}
