using KyodoHub.Web.Identity;

namespace KyodoHub.Web.Features.Reports;

/// <summary>Who reads the reports.</summary>
public static class ReportRoles
{
    public const string Readers = Roles.Coordinator + "," + Roles.Administrator;
}
