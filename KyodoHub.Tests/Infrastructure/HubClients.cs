using KyodoHub.Web.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>External subscribers of <c>/hubs/coordination</c>, as a wall display would connect.</summary>
internal static class HubClients
{
    public static HubConnection Connect(KyodoAppFactory app, string? apiKey) =>
        Connect(app, options =>
        {
            if (apiKey is not null)
            {
                options.Headers.Add("X-Api-Key", apiKey);
            }
        });

    /// <summary>A coordinator's own client, signed in with the cookies in their jar.</summary>
    public static HubConnection Connect(KyodoAppFactory app, System.Net.CookieContainer cookies) =>
        Connect(app, options => options.Cookies = cookies);

    private static HubConnection Connect(KyodoAppFactory app, Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions> configure) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, CoordinationHub.Path.TrimStart('/')), configure)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
}
