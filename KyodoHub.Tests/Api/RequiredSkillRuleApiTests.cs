using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Api;

/// <summary>The request API's rule for a missing required skill: score it lower (the default) or exclude the registrant.</summary>
[Collection(AppCollection.Name)]
public class RequiredSkillRuleApiTests(AppFixture fixture)
{
    [Theory]
    [InlineData("Exclude", RequiredSkillRule.Exclude)]
    [InlineData("exclude", RequiredSkillRule.Exclude)]
    [InlineData("Score", RequiredSkillRule.Score)]
    public async Task ARequestCreatedWithARuleIsStoredAndReadBackWithIt(string sent, RequiredSkillRule stored)
    {
        using var client = TestRequests.ApiClient(fixture.App);
        var response = await client.PostAsJsonAsync("/api/requests", TestRequests.Valid() with { RequiredSkillRule = sent }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<RequestDto>(Json.Options);
        Assert.Equal(stored.ToString(), created!.RequiredSkillRule);

        var fetched = await client.GetFromJsonAsync<RequestDto>($"/api/requests/{created.Id}", Json.Options);
        Assert.Equal(stored.ToString(), fetched!.RequiredSkillRule);
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        Assert.Equal(stored, (await db.Requests.AsNoTracking().SingleAsync(r => r.Id == created.Id)).RequiredSkillRule);
    }

    [Fact]
    public async Task ARequestWithoutARuleScoresAMissingSkillLower()
    {
        using var client = TestRequests.ApiClient(fixture.App);
        var response = await client.PostAsJsonAsync("/api/requests", TestRequests.Valid(), Json.Options);
        var created = await response.Content.ReadFromJsonAsync<RequestDto>(Json.Options);
        Assert.Equal("Score", created!.RequiredSkillRule);
    }

    [Theory]
    [InlineData("\"Sometimes\"")]
    [InlineData("\"1\"")]
    [InlineData("1")]
    public async Task AnUnknownRuleIsRefusedNamingTheFieldWithoutAStackTrace(string value)
    {
        using var client = TestRequests.ApiClient(fixture.App);
        var body = JsonSerializer.Serialize(TestRequests.Valid(), Json.Options).Replace("\"requiredSkillRule\":null", $"\"requiredSkillRule\":{value}", StringComparison.Ordinal);
        Assert.Contains(value, body, StringComparison.Ordinal);
        var response = await client.PostAsync("/api/requests", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(text);
        var messages = problem.RootElement.GetProperty("errors").GetProperty("requiredSkillRule");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }
}
