namespace Alliance.Members.Domain;

/// <summary>
/// An invitation to set a password. Only the SHA-256 of the token is stored; the token itself travels in the
/// e-mail link once. It expires and can be used once.
/// </summary>
internal sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public required string TokenHash { get; set; }
    public required string Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public Guid? InvitedByPersonId { get; set; }

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
}
