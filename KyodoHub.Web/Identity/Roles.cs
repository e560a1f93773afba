namespace KyodoHub.Web.Identity;

/// <summary>The app's roles. Pages and services require one of them.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Coordinator = nameof(Coordinator);
    public const string DeskStaff = nameof(DeskStaff);
    public const string Registrant = nameof(Registrant);
    public const string GroupContact = nameof(GroupContact);

    /// <summary>Staff who may see registrants' contact details.</summary>
    public const string Staff = Administrator + "," + Coordinator + "," + DeskStaff;

    public static IReadOnlyList<string> All { get; } = [Administrator, Coordinator, DeskStaff, Registrant, GroupContact];

    /// <summary>The home page of a role, where sign-in lands.</summary>
    public static string HomeOf(string role) => role switch
    {
        Administrator => "/admin",
        Coordinator => "/coordinator",
        DeskStaff => "/desk",
        Registrant => "/me",
        GroupContact => "/group",
        _ => "/",
    };
}
