using KyodoHub.Core.Common;
using KyodoHub.Web.Localization;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Forms;

/// <summary>
/// Turns a domain validation failure (field and code) into a sentence in the current language:
/// <c>Validation_{Field}_{Code}</c> when a field has its own wording, else <c>Validation_{Code}</c>
/// with the field's label (<c>Field_{Field}</c>), else a generic message.
/// </summary>
public static class ValidationText
{
    public static string Of(IStringLocalizer<SharedResource> localizer, string field, string code)
    {
        var specific = localizer[$"Validation_{field}_{code}"];
        if (!specific.ResourceNotFound)
        {
            return specific;
        }
        var label = localizer[$"Field_{field}"];
        var general = localizer[$"Validation_{code}", label.ResourceNotFound ? field : label.Value];
        return general.ResourceNotFound ? localizer["Validation_Invalid", label.ResourceNotFound ? field : label.Value] : general;
    }

    /// <summary>Runs each check and collects what they throw, so that a form can show every problem at once.</summary>
    public static List<DomainValidationException> Collect(params Action[] checks)
    {
        var problems = new List<DomainValidationException>();
        foreach (var check in checks)
        {
            try
            {
                check();
            }
            catch (DomainValidationException problem)
            {
                problems.Add(problem);
            }
        }
        return problems;
    }
}
