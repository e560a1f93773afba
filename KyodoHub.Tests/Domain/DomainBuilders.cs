using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;

namespace KyodoHub.Tests.Domain;

/// <summary>Valid domain objects to start from; each test changes only what it is about.</summary>
internal static class DomainBuilders
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);

    public static RequestSession Session(int daysAhead = 10, int hour = 10, int minutes = 120)
    {
        var start = TokyoTime.FromLocal(DateOnly.FromDateTime(TokyoTime.ToLocal(Now)).AddDays(daysAhead), new TimeOnly(hour, 0));
        return new RequestSession(start, start.AddMinutes(minutes));
    }

    public static RequestDetails Details(
        int headcount = 2,
        IReadOnlyList<RequestSession>? sessions = null,
        DateTimeOffset? fillBy = null,
        string title = "防災訓練での応急手当講習",
        int areaId = 7) =>
        new(title, "自治会の防災訓練で、応急手当の基本を教えてください。", 1, Program.LifelongLearningLeader,
            sessions ?? [Session()], areaId, "柴崎学習館 集会室", headcount, fillBy ?? Now.AddDays(5), [1], [2], [], null);

    public static Request NewRequest(int headcount = 2, DateTimeOffset? fillBy = null) =>
        new(groupId: 1, Details(headcount: headcount, fillBy: fillBy), RequestOrigin.Desk, Now.AddDays(-1));

    public static Registrant NewRegistrant(string? email = "yamada@example.jp", string? phone = null) =>
        new("山田 太郎", "ヤマダ タロウ", email, phone, 7, Program.ChokottoVolunteer, new ConsentRecord(Now, "2026-04", "self"), Now);
}
