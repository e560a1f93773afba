using KyodoHub.Web.Identity;

namespace KyodoHub.Web.Features.Imports;

/// <summary>Who imports and exports the registries.</summary>
public static class ImportRoles
{
    public const string Users = Roles.Coordinator + "," + Roles.Administrator;
}
