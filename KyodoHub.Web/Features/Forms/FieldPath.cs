using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Components.Forms;

namespace KyodoHub.Web.Features.Forms;

/// <summary>Finds the input a message's field name points at: "Title", "Sessions[1].End", "Group.Name".</summary>
public static class FieldPath
{
    /// <summary>
    /// The field's identifier under the model, or null. A key of <paramref name="others"/> ending in
    /// a dot ("Group.") is a prefix whose model holds the rest; any other key names one field held by
    /// its model under that same name ("GroupId").
    /// </summary>
    public static FieldIdentifier? Resolve(object model, string field, IReadOnlyDictionary<string, object>? others = null)
    {
        if (others?.FirstOrDefault(o => o.Key == field) is { Key: not null } own)
        {
            model = own.Value;
        }
        else if (others?.FirstOrDefault(o => o.Key.EndsWith('.') && field.StartsWith(o.Key, StringComparison.Ordinal)) is { Key: not null } other)
        {
            (model, field) = (other.Value, field[other.Key.Length..]);
        }
        var parts = field.Split('.');
        object? current = model;
        foreach (var part in parts[..^1])
        {
            current = Step(current, part);
        }
        var last = parts[^1];
        if (current is null || last.Contains('[', StringComparison.Ordinal) || current.GetType().GetProperty(last) is null)
        {
            return null;
        }
        return new FieldIdentifier(current, last);
    }

    // "Sessions[1]" is the property Sessions, then its item 1.
    private static object? Step(object? from, string part)
    {
        if (from is null)
        {
            return null;
        }
        var bracket = part.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? part : part[..bracket];
        var value = from.GetType().GetProperty(name)?.GetValue(from);
        if (bracket < 0)
        {
            return value;
        }
        var index = int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture);
        return value is IList list && index < list.Count ? list[index] : null;
    }
}
