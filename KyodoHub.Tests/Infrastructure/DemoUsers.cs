using KyodoHub.Web.Data.Demo;
using KyodoHub.Web.Identity;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>The demo accounts by role, with each role's home page and a heading found only there.</summary>
public static class DemoUsers
{
    public static string EmailOf(string role) => DemoAccounts.All.First(a => a.Role == role).Email;

    public static string Password => DemoAccounts.Password;

    public static TheoryData<string> AllRoles => new(Roles.All);

    /// <summary>The Japanese heading of each role's home page.</summary>
    public static string HomeHeadingOf(string role) => role switch
    {
        Roles.Administrator => "管理",
        Roles.Coordinator => "依頼の状況",
        Roles.DeskStaff => "窓口相談",
        Roles.Registrant => "マイページ",
        Roles.GroupContact => "団体ページ",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
