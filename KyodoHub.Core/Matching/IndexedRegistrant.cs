using KyodoHub.Core.Registrants;

namespace KyodoHub.Core.Matching;

/// <summary>A saved registrant and their current history, as <see cref="MatchIndex.WithChanges"/> takes them.</summary>
/// <param name="Registrant">A saved registrant (id above 0).</param>
/// <param name="History">Their current history; <see cref="RegistrantHistory.Empty"/> for a newcomer.</param>
public sealed record IndexedRegistrant(Registrant Registrant, RegistrantHistory History);
