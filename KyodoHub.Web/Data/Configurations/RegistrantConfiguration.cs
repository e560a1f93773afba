using KyodoHub.Core.Areas;
using KyodoHub.Core.Registrants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoHub.Web.Data.Configurations;

internal sealed class RegistrantConfiguration : IEntityTypeConfiguration<Registrant>
{
    public void Configure(EntityTypeBuilder<Registrant> builder)
    {
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Name).HasMaxLength(60);
        builder.Property(r => r.Furigana).HasMaxLength(60);
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.Property(r => r.Phone).HasMaxLength(20);
        builder.Property(r => r.Audiences).HasMaxLength(200);
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.HasIndex(r => r.UserId);
        builder.Property(r => r.SearchKey).HasMaxLength(130);
        builder.HasIndex(r => r.Furigana);
        builder.HasIndex(r => r.Status);
        builder.HasOne<Area>().WithMany().HasForeignKey(r => r.HomeAreaId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(r => r.Skills, skill =>
        {
            skill.ToTable("RegistrantSkills");
            skill.WithOwner().HasForeignKey("RegistrantId");
            skill.Property<int>("Id");
            skill.HasKey("Id");
            skill.Property(s => s.TagId);
            skill.Property(s => s.Level);
            skill.HasIndex(s => s.TagId);
            // A search by skill asks, per registrant, whether they hold one of the tags: one seek.
            skill.HasIndex("RegistrantId", nameof(RegistrantSkill.TagId));
        });
        builder.Navigation(r => r.Skills).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Property(r => r.WeeklyAvailability).HasJsonConversion();
        builder.Property(r => r.AvailabilityExceptions).HasJsonConversion();
        builder.ComplexProperty(r => r.Consent, consent =>
        {
            consent.Property(c => c.GivenAt);
            consent.Property(c => c.PurposeVersion).HasMaxLength(20);
            consent.Property(c => c.RecordedBy).HasMaxLength(256);
        });
        builder.Ignore(r => r.DomainEvents);
    }
}
