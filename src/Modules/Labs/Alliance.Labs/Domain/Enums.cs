namespace Alliance.Labs.Domain;

internal enum MembershipRole
{
    LeadPartner = 0,
    Partner = 1,
    Observer = 2,
}

internal enum MembershipRequestStatus
{
    Pending = 0,
    Approved = 1,
    Declined = 2,
}

internal enum ProposalStatus
{
    Open = 0,
    TakenIntoLab = 1,
    Merged = 2,
    Declined = 3,
}

internal enum OutcomeKind
{
    Concept = 0,
    Recommendation = 1,
    PilotProject = 2,
}

internal enum OutcomeStatus
{
    Idea = 0,
    Planned = 1,
    Running = 2,
    Completed = 3,
    Stopped = 4,
}

internal enum ActionItemStatus
{
    Open = 0,
    Done = 1,
    Dropped = 2,
}

internal enum ActionItemSource
{
    Lab = 0,
    MeetingDecision = 1,
}

internal enum MatchOutcome
{
    Pending = 0,
    Done = 1,
    NotRealised = 2,
}

internal enum ParticipantStatus
{
    Interested = 0,
    InProgramme = 1,
    BusinessStarted = 2,
    OnTheWay = 3,
    GaveUp = 4,
    ContactLost = 5,
}
