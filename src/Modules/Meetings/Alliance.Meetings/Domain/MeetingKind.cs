namespace Alliance.Meetings.Domain;

internal enum MeetingKind
{
    Plenary = 0,
    LabWorkshop = 1,
    NetworkMeeting = 2,
}

/// <summary>Who is invited: every member organisation, one lab's member organisations, or a chosen list.</summary>
internal enum AudienceKind
{
    AllMembers = 0,
    Lab = 1,
    ChosenOrganizations = 2,
}

internal enum RegistrationStatus
{
    Invited = 0,
    Registered = 1,
    Waitlisted = 2,
    Declined = 3,
    Cancelled = 4,
}

internal enum MinutesStatus
{
    Draft = 0,
    Approved = 1,
}

internal enum TopicStatus
{
    Submitted = 0,
    OnAgenda = 1,
}
