namespace Alliance.Labs.Domain;

public enum MembershipRole
{
    LeadPartner = 0,
    Partner = 1,
    Observer = 2,
}

public enum MembershipRequestStatus
{
    Pending = 0,
    Approved = 1,
    Declined = 2,
}

public enum ProposalStatus
{
    Open = 0,
    TakenIntoLab = 1,
    Merged = 2,
    Declined = 3,
}

public enum OutcomeKind
{
    Concept = 0,
    Recommendation = 1,
    PilotProject = 2,
}

public enum OutcomeStatus
{
    Idea = 0,
    Planned = 1,
    Running = 2,
    Completed = 3,
    Stopped = 4,
}

public enum ActionItemStatus
{
    Open = 0,
    Done = 1,
    Dropped = 2,
}

public enum ActionItemSource
{
    Lab = 0,
    MeetingDecision = 1,
}

public enum MatchOutcome
{
    Pending = 0,
    Done = 1,
    NotRealised = 2,
}

public enum ParticipantStatus
{
    Interested = 0,
    InProgramme = 1,
    BusinessStarted = 2,
    OnTheWay = 3,
    GaveUp = 4,
    ContactLost = 5,
}
