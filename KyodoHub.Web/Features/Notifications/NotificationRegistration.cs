using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Notifications.Mail;

namespace KyodoHub.Web.Features.Notifications;

internal static class NotificationRegistration
{
    /// <summary>
    /// The outbox's dispatcher and its channels. Without an SMTP host, Development writes mails to a
    /// folder and other environments deliver nothing: the rows wait in the outbox until a host is set.
    /// </summary>
    public static IServiceCollection AddKyodoNotifications(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<OutboxSignal>();
        DecorateEventDispatcher(services);
        var smtp = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        if (smtp.IsConfigured)
        {
            services.AddSingleton<INotificationChannel, SmtpMailChannel>();
        }
        else if (environment.IsDevelopment())
        {
            services.AddSingleton<INotificationChannel, MailFolderChannel>();
        }
        else
        {
            return services;
        }
        services.AddSingleton<NotificationComposer>();
        services.AddHostedService<NotificationDispatcher>();
        return services;
    }

    // The live events' dispatcher stays as it is; commits that wrote notifications also wake the outbox's.
    private static void DecorateEventDispatcher(IServiceCollection services)
    {
        var live = services.Single(d => d.ServiceType == typeof(IDomainEventDispatcher));
        services.Remove(live);
        services.AddSingleton<IDomainEventDispatcher>(sp => new NotifyingEventDispatcher(
            (IDomainEventDispatcher)(live.ImplementationType is { } type ? ActivatorUtilities.CreateInstance(sp, type) : live.ImplementationFactory!(sp)),
            sp.GetRequiredService<OutboxSignal>()));
    }
}
