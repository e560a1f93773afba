using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Api;

/// <summary>
/// The request API's contract for bad input, the same in every environment: problem details
/// naming the field by its JSON path, in the caller's language (Japanese by default), no
/// exception detail, and nothing saved.
/// </summary>
public abstract class RequestApiContractTests(AppFixture fixture)
{
    public const string ForcedFailure = "forced failure for the API contract test";

    public static TheoryData<MalformedBody> Bodies => new(MalformedBodies.All());

    /// <summary>An app whose candidate ranking fails, to see what a client gets when something breaks.</summary>
    internal static KyodoAppFactory AppIn(string environment) => new()
    {
        Environment = environment,
        TestServices = services => services.AddScoped<CandidateRanking>(_ => throw new InvalidOperationException(ForcedFailure)),
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task AMalformedBodyGetsProblemDetailsNamingItsFieldAndSavesNothing(MalformedBody call)
    {
        var before = await CountRequestsAsync();
        using var client = TestRequests.ApiClient(fixture.App);

        using var response = await client.PostAsync("/api/requests", Content(call));

        Assert.Equal(call.Status, (int)response.StatusCode);
        var messages = await ErrorsOfAsync(response, call.Field);
        Assert.All(messages, m => Assert.Contains("「", m, StringComparison.Ordinal));
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task MessagesAreInEnglishWhenTheCallerAsksForIt()
    {
        using var client = TestRequests.ApiClient(fixture.App);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));

        using var response = await client.PostAsync("/api/requests", Content(MalformedBodies.All().First(c => c.Name == "a word for groupId")));

        var message = Assert.Single(await ErrorsOfAsync(response, "groupId"));
        Assert.Equal("Group must be a whole number in range, without quotes.", message);
    }

    [Fact]
    public async Task AFailureAnswersProblemDetailsWithoutItsDetail()
    {
        using var client = TestRequests.ApiClient(fixture.App);

        using var response = await client.GetAsync("/api/requests/1/candidates");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ForcedFailure, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("サーバーで問題が起きました。時間をおいてお試しください。", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AMissingKeyAnswersProblemDetails()
    {
        using var client = TestRequests.ApiClient(fixture.App, key: null);

        using var response = await client.GetAsync("/api/requests/1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("有効な API キー（X-Api-Key）が必要です。", problem.RootElement.GetProperty("title").GetString());
    }

    private static ByteArrayContent Content(MalformedBody call)
    {
        var content = new ByteArrayContent(call.Body);
        if (call.ContentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(call.ContentType);
        }
        return content;
    }

    // The messages the problem details give for the field; fails unless they are all the errors and say nothing of the server.
    private static async Task<string[]> ErrorsOfAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var leak in new[] { "System.", "Exception", "   at ", "Path:", "LineNumber" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        }
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        var messages = errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        return messages;
    }

    private async Task<int> CountRequestsAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await db.Requests.CountAsync();
    }
}

public sealed class DevelopmentApiFixture() : AppFixture(RequestApiContractTests.AppIn("Development"));

public sealed class ProductionApiFixture() : AppFixture(RequestApiContractTests.AppIn("Production"));

public sealed class RequestApiContractInDevelopmentTests(DevelopmentApiFixture fixture) : RequestApiContractTests(fixture), IClassFixture<DevelopmentApiFixture>;

public sealed class RequestApiContractInProductionTests(ProductionApiFixture fixture) : RequestApiContractTests(fixture), IClassFixture<ProductionApiFixture>;
