namespace KyodoHub.Core.Common;

/// <summary>
/// Thrown when a value would put a domain object into an invalid state. <see cref="Field"/> names
/// the offending field and <see cref="Code"/> a stable key the UI turns into a localized message,
/// so that every form can show the message beside the field it concerns.
/// </summary>
public sealed class DomainValidationException(string field, string code, string message)
    : Exception(message)
{
    /// <summary>The property name of the offending field, e.g. <c>Headcount</c>.</summary>
    public string Field { get; } = field;

    /// <summary>A stable error key, e.g. <c>MustBePositive</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>
/// Thrown when an operation is not allowed in the object's current state, e.g. filling an expired
/// request. <see cref="Code"/> is a stable key for the localized message.
/// </summary>
public sealed class DomainRuleException(string code, string message) : Exception(message)
{
    /// <summary>A stable error key, e.g. <c>RequestNotFillable</c>.</summary>
    public string Code { get; } = code;
}
