using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Live;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KyodoHub.Tests.Security;

[Collection(AppCollection.Name)]
public class ConnectionLimitsTests(AppFixture fixture)
{
    private const long ThirtyTwoKilobytes = 32 * 1024;

    [Fact]
    public void TheCoordinationHubAndTheCircuitHubAcceptAtMost32KilobytesAndOneInvocationAtATime()
    {
        var services = fixture.App.Services;
        var coordination = services.GetRequiredService<IOptions<HubOptions<CoordinationHub>>>().Value;
        // Blazor's hub type is internal; its options are found by name.
        var componentHub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var circuitHubOptions = typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(componentHub));
        var circuit = (HubOptions)circuitHubOptions.GetProperty("Value")!.GetValue(services.GetRequiredService(circuitHubOptions))!;

        foreach (var hub in new[] { coordination, circuit })
        {
            Assert.Equal(ThirtyTwoKilobytes, hub.MaximumReceiveMessageSize);
            Assert.Equal(1, hub.MaximumParallelInvocationsPerClient);
            Assert.False(hub.EnableDetailedErrors);
        }
    }

    [Fact]
    public void CircuitsShowNoDetailedErrorsAndKeepFewDisconnectedCircuitsForAShortTime()
    {
        var circuit = fixture.App.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        Assert.False(circuit.DetailedErrors);
        Assert.InRange(circuit.DisconnectedCircuitRetentionPeriod, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        Assert.InRange(circuit.DisconnectedCircuitMaxRetained, 1, 100);
        Assert.InRange(circuit.JSInteropDefaultCallTimeout, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A33KilobyteMessageClosesThatConnectionWhileAnotherClientKeepsReceivingEvents()
    {
        await using var offender = Connect();
        await using var bystander = Connect();
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        offender.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        var dto = TestRequests.Valid();
        var received = new TaskCompletionSource<RequestEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        bystander.On<RequestEvent>(nameof(ICoordinationClient.RequestCreated), e =>
        {
            if (e.Title == dto.Title)
            {
                received.TrySetResult(e);
            }
        });
        await offender.StartAsync();
        await bystander.StartAsync();

        await offender.SendAsync("Anything", new string('x', 33 * 1024));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, offender.State);

        var created = await TestRequests.PostAsync(fixture.App, dto);
        Assert.Equal(created.Id, (await received.Task.WaitAsync(TimeSpan.FromSeconds(5))).RequestId);
        Assert.Equal(HubConnectionState.Connected, bystander.State);
    }

    private HubConnection Connect() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.App.BaseAddress, CoordinationHub.Path.TrimStart('/')), o => o.Headers.Add("X-Api-Key", Web.Data.Demo.DemoAccounts.ApiKey))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
}
