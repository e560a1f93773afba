using KyodoHub.Core.Common;

namespace KyodoHub.Core.Agreements;

/// <summary>Lifecycle of an agreement (協定書).</summary>
public enum AgreementState
{
    Draft = 0,
    Confirmed = 1,
}

/// <summary>Who a party to an agreement is.</summary>
public enum PartyKind
{
    Group = 0,
    Registrant = 1,
}

/// <summary>One party's confirmation of an agreement.</summary>
public sealed record AgreementConfirmation(PartyKind Party, int PartyId, string ConfirmedBy, DateTimeOffset ConfirmedAt);

/// <summary>The written terms of a collaboration.</summary>
public sealed record AgreementTerms(
    string Purpose,
    string GroupRole,
    string RegistrantRole,
    string Responsibilities,
    string CostSharing,
    string ResultsOwnership,
    DateOnly PeriodStart,
    DateOnly PeriodEnd);

/// <summary>
/// A written agreement for a collaboration (協定, guideline §3(2)): purpose, each party's roles,
/// responsibilities, cost sharing, ownership of results and period. Confirmed once every party
/// (the group and each assigned registrant) has confirmed it.
/// </summary>
public sealed class Agreement : AggregateRoot
{
    private Agreement() { }

    public Agreement(int requestId, int groupId, IEnumerable<int> registrantIds, AgreementTerms terms, string draftedBy, DateTimeOffset draftedAt)
    {
        RequestId = Guard.PositiveId(requestId, nameof(RequestId));
        GroupId = Guard.PositiveId(groupId, nameof(GroupId));
        RegistrantIds = registrantIds.Distinct().Order().ToList();
        if (RegistrantIds.Count == 0)
        {
            throw new DomainValidationException(nameof(RegistrantIds), "Required", "An agreement needs at least one assigned registrant.");
        }
        DraftedBy = Guard.Required(draftedBy, nameof(DraftedBy), 256);
        DraftedAt = draftedAt.ToUniversalTime();
        Revise(terms);
        Raise(new AgreementChanged(this));
    }

    public int RequestId { get; private set; }
    public int GroupId { get; private set; }
    public List<int> RegistrantIds { get; private set; } = [];
    public string Purpose { get; private set; } = "";
    public string GroupRole { get; private set; } = "";
    public string RegistrantRole { get; private set; } = "";
    public string Responsibilities { get; private set; } = "";
    public string CostSharing { get; private set; } = "";
    public string ResultsOwnership { get; private set; } = "";
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public string DraftedBy { get; private set; } = "";
    public DateTimeOffset DraftedAt { get; private set; }
    public AgreementState State { get; private set; }
    public List<AgreementConfirmation> Confirmations { get; private set; } = [];

    public AgreementTerms Terms => new(Purpose, GroupRole, RegistrantRole, Responsibilities, CostSharing, ResultsOwnership, PeriodStart, PeriodEnd);

    /// <summary>Changes the terms of a draft; confirmations given so far are void.</summary>
    public void Revise(AgreementTerms terms)
    {
        if (State == AgreementState.Confirmed)
        {
            throw new DomainRuleException("AgreementConfirmed", "A confirmed agreement cannot be changed.");
        }
        var purpose = Guard.Required(terms.Purpose, nameof(Purpose), 2000);
        var groupRole = Guard.Required(terms.GroupRole, nameof(GroupRole), 2000);
        var registrantRole = Guard.Required(terms.RegistrantRole, nameof(RegistrantRole), 2000);
        var responsibilities = Guard.Required(terms.Responsibilities, nameof(Responsibilities), 2000);
        var cost = Guard.Required(terms.CostSharing, nameof(CostSharing), 2000);
        var ownership = Guard.Required(terms.ResultsOwnership, nameof(ResultsOwnership), 2000);
        if (terms.PeriodEnd < terms.PeriodStart)
        {
            throw new DomainValidationException(nameof(PeriodEnd), "EndBeforeStart", "The period must end on or after its start.");
        }
        (Purpose, GroupRole, RegistrantRole, Responsibilities, CostSharing, ResultsOwnership, PeriodStart, PeriodEnd) =
            (purpose, groupRole, registrantRole, responsibilities, cost, ownership, terms.PeriodStart, terms.PeriodEnd);
        if (Confirmations.Count > 0)
        {
            Confirmations = [];
        }
        RaiseOnce(new AgreementChanged(this));
    }

    public bool IsConfirmedBy(PartyKind party, int partyId) =>
        Confirmations.Any(c => c.Party == party && c.PartyId == partyId);

    /// <summary>Records one party's confirmation; the agreement is Confirmed when all parties have.</summary>
    public void Confirm(PartyKind party, int partyId, string confirmedBy, DateTimeOffset now)
    {
        var isParty = party == PartyKind.Group ? partyId == GroupId : RegistrantIds.Contains(partyId);
        if (!isParty)
        {
            throw new DomainRuleException("NotAParty", "Only a party to the agreement can confirm it.");
        }
        if (IsConfirmedBy(party, partyId))
        {
            return;
        }
        Confirmations = [.. Confirmations, new AgreementConfirmation(party, partyId, Guard.Required(confirmedBy, nameof(confirmedBy), 256), now.ToUniversalTime())];
        if (IsConfirmedBy(PartyKind.Group, GroupId) && RegistrantIds.All(id => IsConfirmedBy(PartyKind.Registrant, id)))
        {
            State = AgreementState.Confirmed;
        }
        RaiseOnce(new AgreementChanged(this));
    }
}

/// <summary>An agreement was drafted, revised or confirmed by a party.</summary>
public sealed record AgreementChanged(Agreement Agreement) : IDomainEvent;
