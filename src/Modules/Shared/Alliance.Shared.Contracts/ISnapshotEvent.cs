namespace Alliance.Shared.Contracts;

/// <summary>
/// An event that carries the whole current state of a row (a snapshot), not a change. Events may arrive late or out
/// of order (retries), so a subscriber keeps the <see cref="SourceVersion"/> it applied last and ignores any snapshot
/// whose version is not greater: an older snapshot delivered last never overwrites a newer one.
/// </summary>
public interface ISnapshotEvent
{
    /// <summary>The source row's change counter at the time of the snapshot; grows by at least one with every change.</summary>
    long SourceVersion { get; }
}
