namespace Alliance.Members.Resources;

/// <summary>Marker for the privacy texts (own data export, erasure): PrivacyText.resx (German) and PrivacyText.en.resx.</summary>
public sealed class PrivacyText;
