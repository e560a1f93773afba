using KyodoHub.Core.Agreements;
using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Localization;

namespace KyodoHub.Web.Features.Agreements;

/// <summary>
/// First terms of an agreement, taken from its request, for the coordinator to adjust. The
/// agreement is a Japanese document whatever the UI language, so the text is Japanese.
/// </summary>
public static class AgreementPrefill
{
    public static AgreementTerms From(Request request, Group group)
    {
        var registrantRole = request.Programs.HasFlag(Program.LifelongLearningLeader)
            ? DocumentText.Format("AgreementPrefill_RegistrantRoleLeader", request.Title)
            : DocumentText.Format("AgreementPrefill_RegistrantRoleVolunteer", request.Title);
        return new AgreementTerms(
            DocumentText.Format("AgreementPrefill_Purpose", request.Title, Shorten(request.Description, 600)),
            DocumentText.Format("AgreementPrefill_GroupRole", group.Name, request.Place),
            registrantRole,
            DocumentText.Get("AgreementPrefill_Responsibilities"),
            DocumentText.Get("AgreementPrefill_CostSharing"),
            DocumentText.Get("AgreementPrefill_ResultsOwnership"),
            DateOnly.FromDateTime(TokyoTime.ToLocal(request.FirstStart)),
            DateOnly.FromDateTime(TokyoTime.ToLocal(request.LastEnd)));
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
