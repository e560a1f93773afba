using KyodoHub.Web.Identity;

namespace KyodoHub.Web.Features.Agreements;

/// <summary>Who may open agreement pages; the service narrows it to the agreements each may see.</summary>
public static class AgreementRoles
{
    public const string Readers = Roles.Staff + "," + Roles.GroupContact + "," + Roles.Registrant;
}
