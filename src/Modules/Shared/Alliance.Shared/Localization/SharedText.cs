namespace Alliance.Shared.Localization;

/// <summary>Marker for the shared UI and problem texts (SharedText.resx = German, SharedText.en.resx = English).</summary>
public sealed class SharedText;
