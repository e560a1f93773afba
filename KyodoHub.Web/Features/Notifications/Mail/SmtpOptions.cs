namespace KyodoHub.Web.Features.Notifications.Mail;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The <c>Smtp</c> configuration section. Without a host, Development writes mails to <c>App_Data/mail</c>, and other environments send none.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>市民活動センターたちかわ &lt;noreply@kyodohub.example&gt;</c>.</summary>
    public string From { get; set; } = "KyodoHub <noreply@kyodohub.example>";

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>How long one connection or command may take.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
