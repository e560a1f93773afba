using KyodoHub.Core.Agreements;
using KyodoHub.Core.Common;
using KyodoHub.Web.Localization;

namespace KyodoHub.Web.Features.Agreements;

/// <summary>One article (条) of the agreement: its heading and paragraphs.</summary>
public sealed record AgreementArticle(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>A line of the signature block: the party, its name and whether and when it confirmed.</summary>
public sealed record AgreementSignature(string Role, string Name, string Confirmation);

/// <summary>
/// The agreement as a Japanese document, laid out once and rendered twice: by the print view and
/// by the PDF. Dates are written in the Japanese era (令和8年11月28日), as city documents are.
/// </summary>
public sealed record AgreementDocument(
    string Title, string Subtitle, string Preamble, IReadOnlyList<AgreementArticle> Articles, string Closing,
    string DraftedOn, IReadOnlyList<AgreementSignature> Signatures, string StateNote)
{
    public static AgreementDocument From(AgreementView view)
    {
        var t = view.Terms;
        var registrantNames = string.Join("、", view.Registrants.Select(r => r.Name));
        var articles = new List<AgreementArticle>
        {
            new(DocumentText.Get("AgreementDoc_ArticlePurpose"), Lines(t.Purpose)),
            new(DocumentText.Get("AgreementDoc_ArticleRoles"),
            [
                DocumentText.Format("AgreementDoc_GroupRole", t.GroupRole),
                DocumentText.Format("AgreementDoc_RegistrantRole", t.RegistrantRole),
            ]),
            new(DocumentText.Get("AgreementDoc_ArticleResponsibilities"), Lines(t.Responsibilities)),
            new(DocumentText.Get("AgreementDoc_ArticleCost"), Lines(t.CostSharing)),
            new(DocumentText.Get("AgreementDoc_ArticleOwnership"), Lines(t.ResultsOwnership)),
            new(DocumentText.Get("AgreementDoc_ArticlePeriod"),
                [DocumentText.Format("AgreementDoc_Period", JapaneseDates.Era(t.PeriodStart), JapaneseDates.Era(t.PeriodEnd))]),
            new(DocumentText.Get("AgreementDoc_ArticleConsultation"), [DocumentText.Get("AgreementDoc_Consultation")]),
        };
        var numbered = articles.Select((a, i) => a with { Heading = DocumentText.Format("AgreementDoc_ArticleNumber", i + 1, a.Heading) }).ToList();
        var signatures = view.Parties.Select(p => new AgreementSignature(
            DocumentText.Get(p.Kind == PartyKind.Group ? "AgreementDoc_PartyGroup" : "AgreementDoc_PartyRegistrant"),
            p.Kind == PartyKind.Group ? $"{p.Name}　{DocumentText.Format("AgreementDoc_Contact", view.GroupContactName)}" : p.Name,
            p.ConfirmedAt is { } at
                ? DocumentText.Format("AgreementDoc_ConfirmedOn", JapaneseDates.Era(DateOnly.FromDateTime(TokyoTime.ToLocal(at))))
                : DocumentText.Get("AgreementDoc_NotConfirmed"))).ToList();
        return new AgreementDocument(
            DocumentText.Get("AgreementDoc_Title"),
            DocumentText.Format("AgreementDoc_Subtitle", view.RequestTitle),
            DocumentText.Format("AgreementDoc_Preamble", view.GroupName, registrantNames, view.RequestTitle),
            numbered,
            DocumentText.Get("AgreementDoc_Closing"),
            JapaneseDates.Era(DateOnly.FromDateTime(TokyoTime.ToLocal(view.DraftedAt))),
            signatures,
            DocumentText.Get(view.State == AgreementState.Confirmed ? "AgreementDoc_StateConfirmed" : "AgreementDoc_StateDraft"));
    }

    private static string[] Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
