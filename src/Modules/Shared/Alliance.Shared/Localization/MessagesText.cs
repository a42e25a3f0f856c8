namespace Alliance.Shared.Localization;

/// <summary>Marker for the texts of the administrators' failed-messages page and API (MessagesText.resx = German, .en.resx = English).</summary>
public sealed class MessagesText;
