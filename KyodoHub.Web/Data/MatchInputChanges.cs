using KyodoHub.Core.Evaluations;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KyodoHub.Web.Data;

/// <summary>
/// What a save changed of the match engine's inputs: registrants added, changed or deleted (their
/// skills and availability included) or whose offers and assignments changed, and requests whose
/// sessions, state or evaluations change the history of everyone assigned to them. The save
/// pipeline records it for every save, whatever path made the change, and hands it on after the
/// commit, so that the match index refreshes those registrants in one batch.
/// </summary>
public sealed record MatchInputChanges(IReadOnlyCollection<int> RegistrantIds, IReadOnlyCollection<int> RequestIds)
{
    public static MatchInputChanges None { get; } = new([], []);

    public bool IsEmpty => RegistrantIds.Count == 0 && RequestIds.Count == 0;

    public MatchInputChanges Union(MatchInputChanges other) =>
        other.IsEmpty ? this
        : IsEmpty ? other
        : new([.. RegistrantIds.Union(other.RegistrantIds)], [.. RequestIds.Union(other.RequestIds)]);

    /// <summary>
    /// Notes the changed entities before a save; the returned function reads their ids after it,
    /// when added rows have theirs.
    /// </summary>
    internal static Func<MatchInputChanges> Capture(ChangeTracker tracker)
    {
        var registrants = new List<Registrant>();
        var registrantIds = new List<int>();
        var requests = new List<Request>();
        var requestIds = new List<int>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Registrant r:
                    registrants.Add(r);
                    break;
                case Offer o:
                    registrantIds.Add(o.RegistrantId);
                    break;
                case Assignment a:
                    registrantIds.Add(a.RegistrantId);
                    break;
                // A new request has nobody assigned yet.
                case Request q when entry.State != EntityState.Added:
                    requests.Add(q);
                    break;
                case Evaluation e:
                    requestIds.Add(e.RequestId);
                    break;
            }
        }
        if (registrants.Count == 0 && registrantIds.Count == 0 && requests.Count == 0 && requestIds.Count == 0)
        {
            return static () => None;
        }
        return () => new(
            [.. registrantIds.Concat(registrants.Select(r => r.Id)).Where(id => id > 0).Distinct().Order()],
            [.. requestIds.Concat(requests.Select(q => q.Id)).Where(id => id > 0).Distinct().Order()]);
    }
}
