using KyodoHub.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KyodoHub.Web.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.RecipientId).HasMaxLength(Notification.MaxRecipientLength);
        builder.Property(n => n.Channel).HasMaxLength(Notification.MaxChannelLength);
        builder.Property(n => n.LastError).HasMaxLength(Notification.MaxErrorLength);
        // A dispatcher whose lease was taken over (it stalled past the lease) must not record its outcome.
        builder.Property(n => n.LeaseOwner).HasMaxLength(Notification.MaxLeaseOwnerLength).IsConcurrencyToken();
        builder.HasIndex(n => n.MessageId).IsUnique();
        // The dispatcher's question: which pending rows are due.
        builder.HasIndex(n => new { n.State, n.NextAttemptAt });
    }
}
