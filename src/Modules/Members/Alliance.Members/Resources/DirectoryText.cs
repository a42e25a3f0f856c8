namespace Alliance.Members.Resources;

/// <summary>Texts of the directory (organisations, people): DirectoryText.resx (German, default) and DirectoryText.en.resx.</summary>
public sealed class DirectoryText;
