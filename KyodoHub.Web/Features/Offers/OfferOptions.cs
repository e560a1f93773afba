namespace KyodoHub.Web.Features.Offers;

/// <summary>The <c>Offers</c> configuration section.</summary>
public sealed class OfferOptions
{
    public const string Section = "Offers";

    /// <summary>How long a registrant has to answer an offer.</summary>
    public double ExpiryHours { get; set; } = 48;

    /// <summary>How often the background worker looks for offers past their expiry.</summary>
    public double ExpiryCheckSeconds { get; set; } = 30;
}
