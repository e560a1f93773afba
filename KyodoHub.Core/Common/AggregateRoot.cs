namespace KyodoHub.Core.Common;

/// <summary>
/// Base of entities that are saved as a unit. Collects the domain events raised by behaviour
/// methods until the persistence layer publishes them after a successful save, and carries the
/// optimistic concurrency <see cref="Version"/> that the persistence layer increments on update.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    /// <summary>Database identity; 0 until saved.</summary>
    public int Id { get; protected set; }

    /// <summary>Optimistic concurrency token, incremented on every saved change.</summary>
    public int Version { get; private set; }

    /// <summary>Events raised since the last save.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    /// <summary>Forgets the raised events, once they have been published.</summary>
    public void ClearDomainEvents() => _domainEvents.Clear();

    /// <summary>Moves the concurrency token on; called by the persistence layer for modified rows.</summary>
    public void IncrementVersion() => Version++;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    /// <summary>Raises the event unless an equal one is already waiting to be published.</summary>
    protected void RaiseOnce(IDomainEvent domainEvent)
    {
        if (!_domainEvents.Contains(domainEvent))
        {
            _domainEvents.Add(domainEvent);
        }
    }
}

/// <summary>
/// Something that happened in the domain that others may want to hear about. Events refer to their
/// aggregate rather than copy its id, because a new aggregate has its id only once saved; the
/// publisher stamps the time when it publishes.
/// </summary>
#pragma warning disable CA1040 // A marker interface is the point here.
public interface IDomainEvent;
#pragma warning restore CA1040
