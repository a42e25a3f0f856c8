namespace Alliance.Members.Invitations;

/// <summary>What an invitation link can be when someone opens it.</summary>
internal enum InvitationStatus
{
    Open,
    Unknown,
    Expired,
    Used,
    AccountExists,
}
