namespace Alliance.Meetings.Resources;

/// <summary>Marker for the module's texts: MeetingsText.resx (German, default) and MeetingsText.en.resx.</summary>
public sealed class MeetingsText;
