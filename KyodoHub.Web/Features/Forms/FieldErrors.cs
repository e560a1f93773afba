using KyodoHub.Core.Common;
using KyodoHub.Web.Localization;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Forms;

/// <summary>
/// Messages for a form's fields, keyed by the domain's field names, so that the same message shows
/// beside a field whether the form's own check or the domain's found the problem. Immutable: a form
/// replaces its errors, and children get them as a parameter.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string> _messages;

    private FieldErrors(Dictionary<string, string> messages) => _messages = messages;

    public static FieldErrors None { get; } = new([]);

    public bool IsEmpty => _messages.Count == 0;

    public IEnumerable<string> Fields => _messages.Keys;

    public bool Has(string field) => _messages.ContainsKey(field);

    /// <summary>The message for a field, or null.</summary>
    public string? For(string field) => _messages.GetValueOrDefault(field);

    /// <summary>The messages of fields that are not in <paramref name="shown"/>, for a summary above the form.</summary>
    public IEnumerable<string> Except(IEnumerable<string> shown) =>
        _messages.Where(m => !shown.Contains(m.Key)).Select(m => m.Value).Distinct();

    /// <summary>The first message per field of the problems found; an empty list gives <see cref="None"/>.</summary>
    public static FieldErrors From(IEnumerable<DomainValidationException> problems, IStringLocalizer<SharedResource> localizer)
    {
        var messages = new Dictionary<string, string>();
        foreach (var problem in problems)
        {
            messages.TryAdd(problem.Field, ValidationText.Of(localizer, problem.Field, problem.Code));
        }
        return messages.Count == 0 ? None : new FieldErrors(messages);
    }

    public static FieldErrors From(DomainValidationException problem, IStringLocalizer<SharedResource> localizer) => From([problem], localizer);

    /// <summary>These errors without the given field's, after it was corrected.</summary>
    public FieldErrors Without(string field)
    {
        if (!Has(field))
        {
            return this;
        }
        var copy = new Dictionary<string, string>(_messages);
        copy.Remove(field);
        return copy.Count == 0 ? None : new FieldErrors(copy);
    }

    /// <summary>These errors with the given field's replaced by what a fresh check found.</summary>
    public FieldErrors With(string field, IEnumerable<DomainValidationException> problems, IStringLocalizer<SharedResource> localizer)
    {
        var found = From(problems.Where(p => p.Field == field), localizer);
        var copy = new Dictionary<string, string>(_messages);
        copy.Remove(field);
        foreach (var (key, message) in found._messages)
        {
            copy[key] = message;
        }
        return copy.Count == 0 ? None : new FieldErrors(copy);
    }
}
