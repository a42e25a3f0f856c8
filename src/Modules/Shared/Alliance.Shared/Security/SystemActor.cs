namespace Alliance.Shared.Security;

/// <summary>
/// Code that acts for the office without a signed-in person — the demo seeder filling an empty alliance — runs inside
/// <c>using (SystemActor.Begin()) { … }</c>. Within it <see cref="ICurrentUser"/> counts as staff and administrator,
/// so it goes through the same use cases (validation, events, mails) as a person would. Jobs do not need it: what
/// they send is declared <c>Who.Internal</c>.
/// </summary>
public static class SystemActor
{
    private static readonly AsyncLocal<bool> Active = new();

    /// <summary>True inside a <see cref="Begin"/> scope on this async flow.</summary>
    public static bool IsActive => Active.Value;

    /// <summary>Starts acting as the system until the returned scope is disposed.</summary>
    public static IDisposable Begin()
    {
        var previous = Active.Value;
        Active.Value = true;
        return new Scope(previous);
    }

    private sealed class Scope(bool previous) : IDisposable
    {
        public void Dispose() => Active.Value = previous;
    }
}
