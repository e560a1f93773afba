namespace KyodoHub.Web.Hosting;

/// <summary>
/// The configuration or the database is unsafe to serve: start-up stops, and the operator reads
/// <see cref="Exception.Message"/> (what is wrong and what to change) without a stack trace.
/// </summary>
public sealed class StartupRefusedException(string message) : Exception(message);
