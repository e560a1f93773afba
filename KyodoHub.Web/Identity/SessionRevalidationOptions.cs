namespace KyodoHub.Web.Identity;

/// <summary>The <c>Sessions</c> configuration section: how often open connections re-check their session.</summary>
public sealed class SessionRevalidationOptions
{
    public const string Section = "Sessions";

    /// <summary>Open circuits and hub connections re-check their user's stamp this often.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    /// <summary>Seconds between the checks of open hub connections; a minute unless configured.</summary>
    public double RevalidateSeconds { get; set; } = DefaultInterval.TotalSeconds;
}
