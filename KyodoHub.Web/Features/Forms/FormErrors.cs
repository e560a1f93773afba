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
    // Messages only the server can give (a taken e-mail address): a check in the form does not find
    // them again, so they stay until their own field changes.
    private readonly HashSet<string> _fromServer = new(StringComparer.Ordinal);

    public bool Any => _messages.Count > 0;

    public IReadOnlyDictionary<string, string> All => _messages;

    public string? this[string field] => _messages.GetValueOrDefault(field);

    public bool Has(string field) => _messages.ContainsKey(field);

    /// <summary><c>"true"</c> for a field with a message, for its <c>aria-invalid</c>; else null, which leaves the attribute out.</summary>
    public string? Invalid(string field) => Has(field) ? "true" : null;

    public void Clear()
    {
        _messages.Clear();
        _fromServer.Clear();
    }

    public void Clear(string field)
    {
        _messages.Remove(field);
        _fromServer.Remove(field);
    }

    /// <summary>
    /// Runs the form's check again after <paramref name="changedField"/> changed: messages of fixed
    /// fields go, new problems show. The server's messages stay unless it was their field that changed.
    /// </summary>
    public async Task RecheckAsync(string changedField, Func<Task> check)
    {
        var kept = _messages.Where(m => _fromServer.Contains(m.Key) && LabelOf(m.Key) != changedField).ToList();
        Clear();
        foreach (var (field, message) in kept)
        {
            _messages[field] = message;
            _fromServer.Add(field);
        }
        await check();
    }

    /// <summary>Adds the message for a rule code, e.g. <c>Required</c>, about the field (see <see cref="ValidationText"/>).</summary>
    public void Add(string field, string code, string? labelField = null) =>
        _messages[field] = ValidationText.Of(localizer, labelField ?? LabelOf(field), code);

    /// <summary>Adds a message the form words itself; the first message of a field stays.</summary>
    public void AddMessage(string field, string message) => _messages.TryAdd(field, message);

    /// <summary>The server's verdict about a field whose label the form gives, not a <c>Field_</c> key.</summary>
    public void AddLabelled(DomainValidationException error, string label)
    {
        var text = localizer[$"Validation_{error.Code}", label];
        AddMessage(error.Field, text.ResourceNotFound ? localizer["Validation_Invalid", label] : text);
        _fromServer.Add(error.Field);
    }

    /// <summary>Checks a required text of at most <paramref name="maxLength"/> characters, labelled by the form.</summary>
    public void Required(string field, string? value, int maxLength, string label)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            AddMessage(field, localizer["FieldRequired", label]);
        }
        else if (trimmed.Length > maxLength)
        {
            AddMessage(field, localizer["Validation_TooLongMax", label, maxLength]);
        }
    }

    /// <summary>Adds the server's verdict; <paramref name="prefix"/> places it inside a sub-form ("Group.").</summary>
    public void Add(DomainValidationException error, string prefix = "")
    {
        var field = prefix + error.Field;
        Add(field, error.Code, field.StartsWith("Group.", StringComparison.Ordinal) && LabelOf(field) == "Name" ? "GroupName" : LabelOf(field));
        _fromServer.Add(field);
    }

    // "Sessions[1].End" is labelled as "End"; "Group.ContactName" as "ContactName".
    private static string LabelOf(string field)
    {
        var last = field.LastIndexOf('.');
        return last >= 0 ? field[(last + 1)..] : field;
    }
}
