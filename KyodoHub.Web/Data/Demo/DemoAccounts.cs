using KyodoHub.Web.Identity;

namespace KyodoHub.Web.Data.Demo;

/// <summary>One demo account per role. Demo mode only; the password is printed in the README.</summary>
public static class DemoAccounts
{
    public const string Password = "kyodo-demo-2026";

    /// <summary>The demo API key, with every scope. Demo mode only.</summary>
    public const string ApiKey = "kh_demo_2026_kyodohub_api_key";

    public static IReadOnlyList<(string Email, string DisplayName, string Role)> All { get; } =
    [
        ("admin@kyodohub.example", "管理者 デモ", Roles.Administrator),
        ("coordinator@kyodohub.example", "調整 花子", Roles.Coordinator),
        ("coordinator2@kyodohub.example", "連携 次郎", Roles.Coordinator),
        ("desk@kyodohub.example", "窓口 一郎", Roles.DeskStaff),
        ("registrant@kyodohub.example", "", Roles.Registrant),
        ("group@kyodohub.example", "", Roles.GroupContact),
    ];
}
