using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Api;

namespace KyodoHub.Tests.Api;

[Collection(AppCollection.Name)]
public class RequestApiTests(AppFixture fixture)
{
    [Fact]
    public async Task CreatesARequestAndReturnsItWithItsLocation()
    {
        using var client = TestRequests.ApiClient(fixture.App);
        var response = await client.PostAsJsonAsync("/api/requests", TestRequests.Valid(headcount: 2), Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<RequestDto>(Json.Options);
        Assert.Equal(RequestState.Open, created!.State);
        Assert.Equal(RequestOrigin.Api, created.Origin);
        Assert.Equal($"/api/requests/{created.Id}", response.Headers.Location?.OriginalString);

        var fetched = await client.GetFromJsonAsync<RequestDto>($"/api/requests/{created.Id}", Json.Options);
        Assert.Equal(created.Title, fetched!.Title);
        Assert.Equal(2, fetched.Headcount);
    }

    [Fact]
    public async Task InvalidInputGetsProblemDetailsNamingEachBadField()
    {
        using var client = TestRequests.ApiClient(fixture.App);
        var bad = TestRequests.Valid() with { Title = "", Headcount = 0, Programs = ["Astronaut"], Sessions = [new SessionDto(DateTimeOffset.UtcNow.AddDays(9), DateTimeOffset.UtcNow.AddDays(8))] };
        var response = await client.PostAsJsonAsync("/api/requests", bad, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        foreach (var field in new[] { "title", "headcount", "programs", "sessions[0].end" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"errors name {field}");
        }
    }

    [Fact]
    public async Task AnUnknownAreaIsRefusedAsABadField()
    {
        using var client = TestRequests.ApiClient(fixture.App);
        var response = await client.PostAsJsonAsync("/api/requests", TestRequests.Valid() with { AreaId = 999 }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("areaId", out _));
    }

    [Fact]
    public async Task MalformedJsonGetsABadRequestWithoutAStackTrace()
    {
        using var client = TestRequests.ApiClient(fixture.App);
        var response = await client.PostAsync("/api/requests", new StringContent("{\"title\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("kh_not_a_real_key")]
    public async Task AMissingOrUnknownKeyGets401(string? key)
    {
        using var client = TestRequests.ApiClient(fixture.App, key);
        var response = await client.PostAsJsonAsync("/api/requests", TestRequests.Valid(), Json.Options);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/requests/1")).StatusCode);
    }

    [Fact]
    public async Task ARevokedKeyGets401()
    {
        var secret = await ApiKeysForTests.IssueAsync(fixture.App, "revoked soon");
        using var client = TestRequests.ApiClient(fixture.App, secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/requests/1")).StatusCode);
        await ApiKeysForTests.RevokeAsync(fixture.App, secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/requests/1")).StatusCode);
    }

    [Fact]
    public async Task ACoordinatorsCookieDoesNotOpenTheApi()
    {
        using var client = fixture.App.NewClient();
        await SignInForm.PostAsync(client, DemoUsers.EmailOf(Web.Identity.Roles.Coordinator), DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/requests/1")).StatusCode);
    }

    [Fact]
    public async Task ListsRankedCandidatesByIdWithoutPersonalData()
    {
        var created = await TestRequests.PostAsync(fixture.App, TestRequests.Valid());
        using var client = TestRequests.ApiClient(fixture.App);
        var body = await client.GetStringAsync($"/api/requests/{created.Id}/candidates");
        var candidates = JsonSerializer.Deserialize<CandidatesDto>(body, Json.Options)!;
        Assert.NotEmpty(candidates.Candidates);
        Assert.Equal(Enumerable.Range(1, candidates.Candidates.Count), candidates.Candidates.Select(c => c.Rank));
        Assert.True(candidates.Candidates.Zip(candidates.Candidates.Skip(1)).All(p => p.First.Total >= p.Second.Total));
        Assert.DoesNotContain("@example.jp", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownRequestIs404()
    {
        using var client = TestRequests.ApiClient(fixture.App);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/requests/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/requests/999999/candidates")).StatusCode);
    }

    [Fact]
    public async Task ServesAnOpenApiDocumentDescribingTheRequestApi()
    {
        using var client = fixture.App.NewClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/requests", out _));
        Assert.True(paths.TryGetProperty("/api/requests/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/requests/{id}/candidates", out _));
        var body = paths.GetProperty("/api/requests").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.True(body.TryGetProperty("schema", out _));
    }
}
