using Microsoft.AspNetCore.Identity;

namespace KyodoHub.Web.Data;

/// <summary>A person who signs in. Registrants and group contacts are linked to their records.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The registrant record this user is, for the Registrant role.</summary>
    public int? RegistrantId { get; set; }

    /// <summary>The group this user speaks for, for the GroupContact role.</summary>
    public int? GroupId { get; set; }
}
