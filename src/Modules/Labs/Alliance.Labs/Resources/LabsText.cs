namespace Alliance.Labs.Resources;

/// <summary>Marker for the module's texts: LabsText.resx (German, default) and LabsText.en.resx.</summary>
public sealed class LabsText;
