using System.Net.Http.Json;
using KyodoHub.Core.Common;
using KyodoHub.Web.Features.Api;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>Requests for tests to post: valid by default, far enough ahead not to clash with the demo data.</summary>
internal static class TestRequests
{
    private static int _counter;

    public static CreateRequestDto Valid(int headcount = 1, int daysAhead = 200, int hour = 10, string[]? programs = null, int[]? requiredSkills = null)
    {
        var n = Interlocked.Increment(ref _counter);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead + (n % 50));
        var start = TokyoTime.FromLocal(day, new TimeOnly(hour, 0));
        return new CreateRequestDto(
            GroupId: 2,
            Title: $"テスト依頼 {n} 公園の清掃",
            Description: "公園の清掃と花壇の手入れをお手伝いください。軍手は用意します。",
            CategoryId: 9,
            Programs: programs ?? ["ChokottoVolunteer", "LifelongLearningLeader"],
            Sessions: [new SessionDto(start, start.AddHours(2))],
            AreaId: 7,
            Place: "柴崎町の公園",
            Headcount: headcount,
            FillBy: start.AddDays(-3),
            RequiredSkillIds: requiredSkills ?? [],
            WelcomeSkillIds: [],
            Languages: [],
            AccessibilityNotes: null);
    }

    public static HttpClient ApiClient(KyodoAppFactory app, string? key = Web.Data.Demo.DemoAccounts.ApiKey)
    {
        var client = app.NewClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    public static async Task<RequestDto> PostAsync(KyodoAppFactory app, CreateRequestDto dto)
    {
        using var client = ApiClient(app);
        var response = await client.PostAsJsonAsync("/api/requests", dto, Json.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RequestDto>(Json.Options))!;
    }
}

internal static class Json
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
