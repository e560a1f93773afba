namespace KyodoHub.Web.Features.Account;

/// <summary>
/// Where the current user connects from, for the audit log. In a circuit there is no HTTP request
/// to ask, so the address is captured when the page is first served. Scoped: one per circuit.
/// </summary>
public sealed class ClientInfo(IHttpContextAccessor http)
{
    private string? _address;

    public string? Address
    {
        get => _address ?? http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        set => _address = value;
    }
}
