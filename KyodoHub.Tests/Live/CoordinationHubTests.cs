using System.Net;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Live;

[Collection(AppCollection.Name)]
public class CoordinationHubTests(AppFixture fixture)
{
    private HubConnection Connect(string? apiKey) => HubClients.Connect(fixture.App, apiKey);

    [Fact]
    public async Task AClientWithAnApiKeyReceivesRequestCreatedWithinASecondOfAPost()
    {
        await using var connection = Connect(Web.Data.Demo.DemoAccounts.ApiKey);
        var dto = TestRequests.Valid();
        var received = new TaskCompletionSource<RequestEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<RequestEvent>(nameof(ICoordinationClient.RequestCreated), e =>
        {
            if (e.Title == dto.Title)
            {
                received.TrySetResult(e);
            }
        });
        await connection.StartAsync();

        var created = await TestRequests.PostAsync(fixture.App, dto);
        var e = await received.Task.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(created.Id, e.RequestId);
        Assert.Equal(Core.Requests.RequestState.Open, e.State);
    }

    [Fact]
    public async Task AClientReceivesOfferEventsToo()
    {
        await using var connection = Connect(Web.Data.Demo.DemoAccounts.ApiKey);
        var sent = new TaskCompletionSource<OfferEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var created = await TestRequests.PostAsync(fixture.App, TestRequests.Valid());
        connection.On<OfferEvent>(nameof(ICoordinationClient.OfferSent), e =>
        {
            if (e.RequestId == created.Id)
            {
                sent.TrySetResult(e);
            }
        });
        await connection.StartAsync();
        var registrantId = await OfferTestData.TopCandidateAsync(fixture.App, created.Id);
        await using (var scope = ScopeAs.User(fixture.App.Services, Web.Identity.Roles.Coordinator))
        {
            await scope.ServiceProvider.GetRequiredService<Web.Features.Offers.OfferService>().SendAsync(created.Id, [registrantId]);
        }
        var e = await sent.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(registrantId, e.RegistrantId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("kh_wrong_key")]
    public async Task AClientWithoutAValidKeyIsRefused(string? key)
    {
        await using var connection = Connect(key);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task AKeyWithoutTheEventsScopeIsRefused()
    {
        var secret = await ApiKeysForTests.IssueAsync(fixture.App, "requests only", Web.Features.ApiKeys.ApiScopes.RequestsWrite);
        await using var connection = Connect(secret);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }
}
