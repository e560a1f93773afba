using KyodoHub.Core.Agreements;
using KyodoHub.Core.Common;

namespace KyodoHub.Core.Evaluations;

/// <summary>The guideline's key question: did working together achieve more than either side alone?</summary>
public enum SynergyAnswer
{
    No = 0,
    Partly = 1,
    Yes = 2,
}

/// <summary>
/// One side's evaluation (評価) of a completed collaboration. The group evaluates the request;
/// each registrant evaluates it too, and the group's rating of the work feeds reliability.
/// </summary>
public sealed class Evaluation : AggregateRoot
{
    private Evaluation() { }

    public Evaluation(int requestId, PartyKind author, int authorId, int goalsMet, int rating, SynergyAnswer synergy, string? comment, bool consentToPublish, DateTimeOffset submittedAt)
    {
        RequestId = Guard.PositiveId(requestId, nameof(RequestId));
        Author = Guard.Defined(author, nameof(Author));
        AuthorId = Guard.PositiveId(authorId, nameof(AuthorId));
        GoalsMet = Guard.InRange(goalsMet, nameof(GoalsMet), 1, 5);
        Rating = Guard.InRange(rating, nameof(Rating), 1, 5);
        Synergy = Guard.Defined(synergy, nameof(Synergy));
        var text = Guard.Optional(comment, nameof(Comment), 2000);
        Comment = text.Length == 0 ? null : text;
        ConsentToPublish = consentToPublish;
        SubmittedAt = submittedAt.ToUniversalTime();
    }

    public int RequestId { get; private set; }
    public PartyKind Author { get; private set; }

    /// <summary>The group's id when the group wrote it, the registrant's id otherwise.</summary>
    public int AuthorId { get; private set; }

    public int GoalsMet { get; private set; }
    public int Rating { get; private set; }
    public SynergyAnswer Synergy { get; private set; }
    public string? Comment { get; private set; }
    public bool ConsentToPublish { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
}
