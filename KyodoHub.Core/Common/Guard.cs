namespace KyodoHub.Core.Common;

/// <summary>Validation helpers that throw <see cref="DomainValidationException"/> naming the field.</summary>
public static class Guard
{
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainValidationException(field, "Required", $"{field} is required.");
        }
        return MaxLength(trimmed, field, maxLength);
    }

    public static string Optional(string? value, string field, int maxLength) =>
        MaxLength(value?.Trim() ?? "", field, maxLength);

    public static int InRange(int value, string field, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new DomainValidationException(field, "OutOfRange", $"{field} must be between {min} and {max}.");
        }
        return value;
    }

    public static int PositiveId(int value, string field)
    {
        if (value <= 0)
        {
            throw new DomainValidationException(field, "Required", $"{field} is required.");
        }
        return value;
    }

    public static T Defined<T>(T value, string field) where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new DomainValidationException(field, "Invalid", $"{field} has an unknown value.");
        }
        return value;
    }

    public static string? Email(string? value, string field)
    {
        var trimmed = Optional(value, field, 254);
        if (trimmed.Length == 0)
        {
            return null;
        }
        var at = trimmed.IndexOf('@');
        if (at <= 0 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1 || trimmed.Contains(' '))
        {
            throw new DomainValidationException(field, "InvalidEmail", $"{field} is not a valid e-mail address.");
        }
        return trimmed;
    }

    public static string? Phone(string? value, string field)
    {
        var trimmed = Optional(value, field, 20);
        if (trimmed.Length == 0)
        {
            return null;
        }
        foreach (var c in trimmed)
        {
            if (!(char.IsAsciiDigit(c) || c is '-' or '+' or '(' or ')' or ' '))
            {
                throw new DomainValidationException(field, "InvalidPhone", $"{field} may contain digits, '-', '+', '(' and ')' only.");
            }
        }
        return trimmed;
    }

    private static string MaxLength(string value, string field, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw new DomainValidationException(field, "TooLong", $"{field} must be at most {maxLength} characters.");
        }
        return value;
    }
}
