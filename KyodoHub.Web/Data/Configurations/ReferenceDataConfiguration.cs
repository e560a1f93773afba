using KyodoHub.Core.Areas;
using KyodoHub.Core.Skills;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoHub.Web.Data.Configurations;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.NameJa).HasMaxLength(50);
        builder.Property(a => a.Kana).HasMaxLength(50);
        builder.Property(a => a.NameEn).HasMaxLength(50);
    }
}

internal sealed class SkillCategoryConfiguration : IEntityTypeConfiguration<SkillCategory>
{
    public void Configure(EntityTypeBuilder<SkillCategory> builder)
    {
        builder.Property(c => c.NameJa).HasMaxLength(50);
        builder.Property(c => c.NameEn).HasMaxLength(50);
    }
}

internal sealed class SkillTagConfiguration : IEntityTypeConfiguration<SkillTag>
{
    public void Configure(EntityTypeBuilder<SkillTag> builder)
    {
        builder.Property(t => t.NameJa).HasMaxLength(50);
        builder.Property(t => t.NameEn).HasMaxLength(50);
        builder.HasOne<SkillCategory>().WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
