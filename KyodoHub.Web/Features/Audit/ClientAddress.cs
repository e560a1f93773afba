using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KyodoHub.Web.Features.Audit;

/// <summary>
/// The client's network address for the current scope. In an HTTP request it is read from the
/// connection; a circuit has no request of its own after it starts, so its address is captured
/// when its connection comes up.
/// </summary>
public sealed class ClientAddress(IHttpContextAccessor http)
{
    private string? _captured;

    public string? Value => _captured ?? Read(http.HttpContext);

    internal void Capture() => _captured = Read(http.HttpContext) ?? _captured;

    private static string? Read(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString();
}

/// <summary>
/// Makes each circuit's actor the ambient audit actor while the circuit handles an event, and
/// records the circuit's client address when its connection comes up.
/// </summary>
internal sealed class AuditCircuitHandler(AuditActorSource source, ClientAddress address) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        address.Capture();
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            AuditAmbient.Use(source);
            return next(context);
        };
}

/// <summary>Makes the request's actor the ambient audit actor for an HTTP request.</summary>
internal sealed class AuditMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        AuditAmbient.Use(context.RequestServices.GetRequiredService<AuditActorSource>());
        return next(context);
    }
}
