using KyodoHub.Web.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>External subscribers of <c>/hubs/coordination</c>, as a wall display would connect.</summary>
internal static class HubClients
{
    public static HubConnection Connect(KyodoAppFactory app, string? apiKey) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, CoordinationHub.Path.TrimStart('/')), options =>
            {
                if (apiKey is not null)
                {
                    options.Headers.Add("X-Api-Key", apiKey);
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
}
