namespace Alliance.Members.Resources;

/// <summary>Marker for the access texts (invitations, accounts, password reset, profile): AccountText.resx (German) and AccountText.en.resx.</summary>
public sealed class AccountText;
