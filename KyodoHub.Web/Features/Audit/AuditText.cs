using KyodoHub.Web.Localization;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Audit;

/// <summary>An audit entry's action and record type in the user's language; an unknown code shows as it is.</summary>
public static class AuditText
{
    public static string Action(IStringLocalizer localizer, string action) => Localized(localizer, "AuditAction_", action);

    public static string RecordType(IStringLocalizer localizer, string entityType) => Localized(localizer, "AuditEntity_", entityType);

    /// <summary>
    /// An entry's detail for people: an update's changed properties ("Name,MonthlyCap") as the forms'
    /// field labels (<c>Field_{RecordType}{Property}</c>, else <c>Field_{Property}</c>), joined the
    /// language's way; any other detail as it is.
    /// </summary>
    public static string? Detail(IStringLocalizer localizer, string action, string entityType, string? detail)
    {
        if (detail is null || action != AuditTrail.Update)
        {
            return detail;
        }
        var labels = detail.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(property =>
        {
            var own = localizer["Field_" + entityType + property];
            return own.ResourceNotFound ? Localized(localizer, "Field_", property) : own.Value;
        });
        return DisplayFormats.List(labels.Distinct());
    }

    private static string Localized(IStringLocalizer localizer, string prefix, string code)
    {
        var text = localizer[prefix + code];
        return text.ResourceNotFound ? code : text.Value;
    }
}
