using KyodoHub.Core.Agreements;
using KyodoHub.Core.Audit;
using KyodoHub.Core.Consultations;
using KyodoHub.Core.Evaluations;
using KyodoHub.Core.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoHub.Web.Data.Configurations;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.DraftedBy).HasMaxLength(256);
        builder.Property(a => a.Confirmations).HasJsonConversion();
        builder.HasOne<Request>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.RequestId);
        builder.Ignore(a => a.Terms);
        builder.Ignore(a => a.DomainEvents);
    }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> builder)
    {
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Property(e => e.Comment).HasMaxLength(2000);
        builder.HasOne<Request>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.RequestId, e.Author, e.AuthorId }).IsUnique();
        builder.Ignore(e => e.DomainEvents);
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<ConsultationRecord>
{
    public void Configure(EntityTypeBuilder<ConsultationRecord> builder)
    {
        builder.ToTable("Consultations");
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.VisitorName).HasMaxLength(60);
        builder.Property(c => c.Topic).HasMaxLength(200);
        builder.Property(c => c.Outcome).HasMaxLength(2000);
        builder.Property(c => c.StaffUserName).HasMaxLength(256);
        builder.HasIndex(c => c.FollowUpOn);
        builder.Ignore(c => c.DomainEvents);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityId).HasMaxLength(64);
        builder.Property(a => a.Address).HasMaxLength(64);
        builder.Property(a => a.Detail).HasMaxLength(1200);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
