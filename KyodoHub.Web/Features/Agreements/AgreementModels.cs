using KyodoHub.Core.Agreements;

namespace KyodoHub.Web.Features.Agreements;

/// <summary>A party to an agreement and when it confirmed, if it has.</summary>
public sealed record AgreementParty(PartyKind Kind, int Id, string Name, DateTimeOffset? ConfirmedAt);

/// <summary>An agreement as its pages, its print view and its PDF show it.</summary>
public sealed record AgreementView(
    int Id, int RequestId, string RequestTitle, string GroupName, string GroupContactName, AgreementTerms Terms,
    AgreementState State, IReadOnlyList<AgreementParty> Parties, DateTimeOffset DraftedAt, int Version,
    AgreementParty? Viewer, bool CanEdit)
{
    public bool ViewerMustConfirm => Viewer is { ConfirmedAt: null } && State == AgreementState.Draft;

    public int ConfirmedCount => Parties.Count(p => p.ConfirmedAt is not null);

    public IEnumerable<AgreementParty> Registrants => Parties.Where(p => p.Kind == PartyKind.Registrant);
}

/// <summary>An agreement as a row of a list.</summary>
public sealed record AgreementRow(
    int Id, int RequestId, string RequestTitle, string GroupName, AgreementState State,
    int ConfirmedCount, int PartyCount, DateTimeOffset DraftedAt, bool AwaitsViewer);

/// <summary>A filled request that has no agreement yet.</summary>
public sealed record AgreementCandidate(int RequestId, string Title, string GroupName, DateTimeOffset FirstStart, int RegistrantCount);

/// <summary>What the drafting form starts from: the request, the parties and terms prefilled from the request.</summary>
public sealed record AgreementDraft(int RequestId, string RequestTitle, string GroupName, IReadOnlyList<string> RegistrantNames, AgreementTerms Terms, int? AgreementId, int Version);

/// <summary>A signed-in user's lists: agreements to see, and for coordinators the requests still without one.</summary>
public sealed record AgreementLists(IReadOnlyList<AgreementRow> Agreements, IReadOnlyList<AgreementCandidate> Candidates);
