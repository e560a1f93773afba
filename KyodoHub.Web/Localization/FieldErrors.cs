using KyodoHub.Core.Common;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Localization;

/// <summary>
/// Field-level messages of a form, in the current language: the domain names the field and a
/// code, this turns them into the text shown beside the field.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);

    public bool Any => _messages.Count > 0;

    public bool Has(string field) => _messages.ContainsKey(field);

    public string? this[string field] => _messages.GetValueOrDefault(field);

    public void Clear() => _messages.Clear();

    public void Add(string field, string message) => _messages.TryAdd(field, message);

    /// <summary>The message for a domain validation error, naming the field by its label.</summary>
    public void Add(DomainValidationException error, IStringLocalizer localizer, string label)
    {
        var specific = localizer[$"Validation_{error.Code}", label];
        Add(error.Field, specific.ResourceNotFound ? localizer["Validation_Invalid", label] : specific);
    }

    /// <summary>Checks a required text of at most <paramref name="maxLength"/> characters.</summary>
    public void Required(string field, string? value, int maxLength, IStringLocalizer localizer, string label)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            Add(field, localizer["FieldRequired", label]);
        }
        else if (trimmed.Length > maxLength)
        {
            Add(field, localizer["Validation_TooLongMax", label, maxLength]);
        }
    }
}
