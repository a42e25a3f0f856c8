namespace Alliance.Members.Resources;

/// <summary>Marker for the module's texts: MembersText.resx (German, default) and MembersText.en.resx.</summary>
public sealed class MembersText;
