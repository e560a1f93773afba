using System.Globalization;

namespace KyodoHub.Web.Features.Offers.Links;

/// <summary>Where an answer link of an offer's mail leads.</summary>
public static class OfferLinkPaths
{
    /// <summary>The page's address for one offer and one token, relative to the app's address.</summary>
    public static string Of(int offerId, string token) => $"offers/{offerId.ToString(CultureInfo.InvariantCulture)}/answer/{Uri.EscapeDataString(token)}";
}
