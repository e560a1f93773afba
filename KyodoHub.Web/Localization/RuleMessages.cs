using KyodoHub.Core.Common;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Localization;

/// <summary>A refused operation in the current language: resource key <c>Rule_Code</c>, or a general message.</summary>
public static class RuleMessages
{
    public static string Of(IStringLocalizer localizer, DomainRuleException error)
    {
        var text = localizer[$"Rule_{error.Code}"];
        return text.ResourceNotFound ? localizer["Rule_General"] : text;
    }
}
