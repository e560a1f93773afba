using KyodoHub.Core.Common;
using KyodoHub.Web.Localization;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Forms;

/// <summary>
/// Field-level messages of a form, keyed by field name ("Title", "Group.ContactName",
/// "Sessions[1].End"), in the current language. Filled by the form's own checks as the user types
/// and, after submit, by the server's <see cref="DomainValidationException"/>, which names the field.
/// </summary>
public sealed class FormErrors(IStringLocalizer<SharedResource> localizer)
{
    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);

    public bool Any => _messages.Count > 0;

    public IReadOnlyDictionary<string, string> All => _messages;

    public string? this[string field] => _messages.GetValueOrDefault(field);

    public void Clear() => _messages.Clear();

    public void Clear(string field) => _messages.Remove(field);

    /// <summary>Adds the message for a rule code, e.g. <c>Required</c>, about the field.</summary>
    public void Add(string field, string code, string? labelField = null)
    {
        var label = localizer[$"Field_{labelField ?? LabelOf(field)}"];
        var text = localizer[$"Validation_{code}", label];
        _messages[field] = text.ResourceNotFound ? localizer["Validation_Invalid", label] : text;
    }

    /// <summary>Adds the server's verdict; <paramref name="prefix"/> places it inside a sub-form ("Group.").</summary>
    public void Add(DomainValidationException error, string prefix = "")
    {
        var field = prefix + error.Field;
        Add(field, error.Code, field.StartsWith("Group.", StringComparison.Ordinal) && LabelOf(field) == "Name" ? "GroupName" : LabelOf(field));
    }

    // "Sessions[1].End" is labelled as "End"; "Group.ContactName" as "ContactName".
    private static string LabelOf(string field)
    {
        var last = field.LastIndexOf('.');
        return last >= 0 ? field[(last + 1)..] : field;
    }
}
