using System.Globalization;
using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Web.Features.Forms;

namespace KyodoHub.Web.Features.Me;

/// <summary>What a dated exception does: the day off entirely, off for a while, or free for a while.</summary>
public enum ExceptionChoice
{
    UnavailableAllDay = 0,
    UnavailableWindow = 1,
    AvailableWindow = 2,
}

/// <summary>
/// The dated-exception form as typed: a date (yyyy-MM-dd) and, unless the whole day is off, a
/// start and end (HH:mm; an end of 00:00 is midnight at the end of the day).
/// </summary>
public sealed class ExceptionDraft
{
    public string? Date { get; set; }
    public ExceptionChoice Choice { get; set; }
    public string? Start { get; set; } = "09:00";
    public string? End { get; set; } = "12:00";

    public bool HasWindow => Choice != ExceptionChoice.UnavailableAllDay;

    /// <summary>Every problem with the draft, named by the domain's fields (Date, StartMinute, EndMinute).</summary>
    public List<DomainValidationException> Validate(DateOnly today)
    {
        var problems = ValidationText.Collect(
            () => ParseDate(today),
            () => ParseMinute(Start, nameof(AvailabilityException.StartMinute), false),
            () => ParseMinute(End, nameof(AvailabilityException.EndMinute), true));
        // Each part reads well on its own: now the domain checks them together (the end after the start).
        return problems.Count > 0 ? problems : ValidationText.Collect(() => ToException(today));
    }

    /// <summary>The exception, or a DomainValidationException naming the first bad field.</summary>
    public AvailabilityException ToException(DateOnly today)
    {
        var date = ParseDate(today);
        if (!HasWindow)
        {
            return new AvailabilityException(date, ExceptionKind.Unavailable);
        }
        var start = ParseMinute(Start, nameof(AvailabilityException.StartMinute), false);
        var end = ParseMinute(End, nameof(AvailabilityException.EndMinute), true);
        var kind = Choice == ExceptionChoice.AvailableWindow ? ExceptionKind.Available : ExceptionKind.Unavailable;
        return new AvailabilityException(date, kind, start, end);
    }

    private DateOnly ParseDate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Date))
        {
            throw new DomainValidationException(nameof(AvailabilityException.Date), "Required", "Choose a date.");
        }
        if (!DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new DomainValidationException(nameof(AvailabilityException.Date), "Invalid", "The date is not valid.");
        }
        if (date < today)
        {
            throw new DomainValidationException(nameof(AvailabilityException.Date), "InPast", "The date has passed.");
        }
        return date;
    }

    private int ParseMinute(string? text, string field, bool isEnd)
    {
        if (!HasWindow)
        {
            return 0;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainValidationException(field, "Required", "Enter a time.");
        }
        if (!TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new DomainValidationException(field, "Invalid", "The time is not valid.");
        }
        var minute = time.Hour * 60 + time.Minute;
        return isEnd && minute == 0 ? 24 * 60 : minute;
    }
}
