using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Audit;

/// <summary>An audit entry's action and record type in the user's language; an unknown code shows as it is.</summary>
public static class AuditText
{
    public static string Action(IStringLocalizer localizer, string action) => Localized(localizer, "AuditAction_", action);

    public static string RecordType(IStringLocalizer localizer, string entityType) => Localized(localizer, "AuditEntity_", entityType);

    private static string Localized(IStringLocalizer localizer, string prefix, string code)
    {
        var text = localizer[prefix + code];
        return text.ResourceNotFound ? code : text.Value;
    }
}
