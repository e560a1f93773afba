namespace KyodoHub.Web.Features.Agreements;

/// <summary>
/// The history entry state the editor navigates with after a save, so that the agreement's page
/// announces the save under the agreement's own address.
/// </summary>
public static class AgreementSaved
{
    public const string State = "agreement-saved";
}
